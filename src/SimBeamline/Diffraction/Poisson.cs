using System.Runtime.CompilerServices;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// Poisson variates: inversion for small means, Hörmann's transformed rejection with squeeze (PTRS, 1993) for
/// large ones, and precomputed inverse-CDF tables (<see cref="PoissonTable"/>) for the per-pixel background.
/// </summary>
internal static class Poisson
{
    private const double InversionLimit = 10;
    private static readonly double[] LogFactorials = BuildLogFactorials(256);

    /// <summary>A Poisson variate of mean <paramref name="mean"/> (≥ 0).</summary>
    public static int Sample(ref Xoshiro256 random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        return mean < InversionLimit ? Inversion(ref random, mean) : TransformedRejection(ref random, mean);
    }

    /// <summary>ln(k!).</summary>
    public static double LogFactorial(int k)
    {
        if (k < LogFactorials.Length)
        {
            return LogFactorials[k];
        }

        // Stirling's series; at k ≥ 256 its error is far below double precision's.
        double x = k + 1;
        return ((x - 0.5) * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI)) + (1 / (12 * x)) - (1 / (360 * x * x * x));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Inversion(ref Xoshiro256 random, double mean)
    {
        var u = random.NextDouble();
        var p = Math.Exp(-mean);
        var cumulative = p;
        var k = 0;
        while (u > cumulative && k < 1000)
        {
            k++;
            p *= mean / k;
            cumulative += p;
        }

        return k;
    }

    private static int TransformedRejection(ref Xoshiro256 random, double mean)
    {
        var sqrtMean = Math.Sqrt(mean);
        var logMean = Math.Log(mean);
        var b = 0.931 + (2.53 * sqrtMean);
        var a = -0.059 + (0.02483 * b);
        var inverseAlpha = 1.1239 + (1.1328 / (b - 3.4));
        var vr = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + mean + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (int)k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (Math.Log(v) + Math.Log(inverseAlpha) - Math.Log((a / (us * us)) + b) <= -mean + (k * logMean) - LogFactorial((int)k))
            {
                return (int)k;
            }
        }
    }

    private static double[] BuildLogFactorials(int count)
    {
        var table = new double[count];
        for (var k = 1; k < count; k++)
        {
            table[k] = table[k - 1] + Math.Log(k);
        }

        return table;
    }
}
