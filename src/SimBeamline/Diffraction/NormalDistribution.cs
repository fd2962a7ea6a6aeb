namespace Hyperion.SimBeamline.Diffraction;

/// <summary>The standard normal distribution's cumulative function, for pixel and partiality integrals.</summary>
internal static class NormalDistribution
{
    private const double TableStep = 1.0 / 128;
    private const double TableReach = 8;
    private static readonly double[] Table = BuildTable();

    /// <summary>Φ(x) interpolated from a table (error below 2 × 10⁻⁶): for the many pixel shares of a frame's spots.</summary>
    public static double FastCdf(double x)
    {
        if (!(x > -TableReach))
        {
            return 0;
        }

        if (x >= TableReach)
        {
            return 1;
        }

        var position = (x + TableReach) / TableStep;
        var i = (int)position;
        var t = position - i;
        return Table[i] + ((Table[i + 1] - Table[i]) * t);
    }

    /// <summary>Φ(x) = P(Z ≤ x), to about 1e-7.</summary>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>
    /// The complementary error function by its Chebyshev fit (fractional error below 1.2 × 10⁻⁷ everywhere, after
    /// Press et al., Numerical Recipes §6.2): accurate enough for pixel shares and still cheap.
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = -0.82215223 + (t * 0.17087277);
        poly = 1.48851587 + (t * poly);
        poly = -1.13520398 + (t * poly);
        poly = 0.27886807 + (t * poly);
        poly = -0.18628806 + (t * poly);
        poly = 0.09678418 + (t * poly);
        poly = 0.37409196 + (t * poly);
        poly = 1.00002368 + (t * poly);
        poly = -1.26551223 + (t * poly);
        var r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }

    private static double[] BuildTable()
    {
        var table = new double[(int)(2 * TableReach / TableStep) + 2];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = Cdf(-TableReach + (i * TableStep));
        }

        return table;
    }
}
