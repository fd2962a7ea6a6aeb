namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// DIALS' per-image resolution estimate (<c>estimate_resolution_limit</c> in
/// dials/algorithms/spot_finding/per_image_analysis.py): ln(I/σ(I)) against 1/d² is cut into equal-population shells;
/// in each, the spots not on ice rings and not Wilson outliers give their 10th and 90th percentiles; a line fitted
/// through the 10th percentiles bounds the spots from above, and the estimate is the highest-resolution spot below it.
/// Followed step for step, including its quirks (the lowest-resolution spot falls in no shell).
/// </summary>
internal static class ResolutionEstimate
{
    /// <summary>The estimate in Å, or −1 where there is none.</summary>
    /// <param name="dStarSquared">Each spot's 1/d² (Å⁻²).</param>
    /// <param name="intensity">Each spot's summed counts (its variance too).</param>
    /// <param name="ice">Whether each spot lies on an ice ring.</param>
    public static double Estimate(IReadOnlyList<double> dStarSquared, IReadOnlyList<double> intensity, IReadOnlyList<bool> ice)
    {
        var n = dStarSquared.Count;
        var d = dStarSquared.Select(DStarSquaredAsD).ToArray();
        var logIOverSigma = intensity.Select(i => Math.Log(i / Math.Sqrt(i))).ToArray();

        var lowerLog = new List<double>();
        var upperLog = new List<double>();
        var lowerDStar = new List<double>();
        var upperDStar = new List<double>();
        var outliersAll = new bool[n];
        foreach (var (dMin, dMax) in EqualPopulationShells(dStarSquared))
        {
            var inShell = Enumerable.Range(0, n).Where(i => d[i] < dMax && d[i] >= dMin).ToArray();
            if (!inShell.Any(i => !ice[i]))
            {
                continue;
            }

            var outliers = WilsonOutliers(inShell.Select(i => intensity[i]).ToArray(), inShell.Select(i => ice[i]).ToArray());
            for (var k = 0; k < inShell.Length; k++)
            {
                outliersAll[inShell[k]] = outliers[k];
            }

            var kept = inShell.Where((i, k) => !outliers[k] && !ice[i]).ToArray();
            if (kept.Length == 0)
            {
                // DIALS would fail to index an empty shell here; there is then no estimate.
                return -1;
            }

            // flex.sort_permutation is a stable ascending sort.
            var order = kept.OrderBy(i => logIOverSigma[i]).ToArray();
            var iLower = order[(int)Math.Floor(0.1 * order.Length)];
            var iUpper = order[(int)Math.Floor(0.9 * order.Length)];
            lowerLog.Add(logIOverSigma[iLower]);
            upperLog.Add(logIOverSigma[iUpper]);
            upperDStar.Add(dStarSquared[iLower]);
            lowerDStar.Add(dStarSquared[iUpper]);
        }

        // DIALS pairs each shell's 10th-percentile 1/d² with its 90th-percentile ln(I/σ) for the "upper" line, and the
        // other way round for the "lower" one.
        var (mUpper, cUpper) = LinearRegression(upperDStar, upperLog);
        var (mLower, _) = LinearRegression(lowerDStar, lowerLog);
        if (mUpper == mLower)
        {
            return -1;
        }

        var best = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            if (!outliersAll[i] && !ice[i] && IsBelowLine(dStarSquared[i], logIOverSigma[i], mUpper, cUpper))
            {
                best = Math.Max(best, dStarSquared[i]);
            }
        }

        return double.IsNegativeInfinity(best) ? -1 : DStarSquaredAsD(best);
    }

    /// <summary>cctbx's uctbx.d_star_sq_as_d.</summary>
    public static double DStarSquaredAsD(double dStarSquared) => dStarSquared > 0 ? 1 / Math.Sqrt(dStarSquared) : -1;

    // binner_equal_population(d_star_sq, target_n_per_bin=20, max_slots=20, min_slots=5): (d_min, d_max) per shell.
    private static List<(double DMin, double DMax)> EqualPopulationShells(IReadOnlyList<double> dStarSquared)
    {
        var slots = Math.Max(Math.Min(dStarSquared.Count / 20, 20), 5);
        var perSlot = (double)dStarSquared.Count / slots;
        var dSorted = dStarSquared.Order().Select(DStarSquaredAsD).ToArray();
        var shells = new List<(double, double)>();
        var dMax = dSorted[0];
        for (var i = 0; i < slots; i++)
        {
            var dMin = dSorted[(int)Math.Floor(((i + 1) * perSlot) + 0.5) - 1];
            shells.Add((dMin, dMax));
            dMax = dMin;
        }

        return shells;
    }

    // wilson_outliers: normalised amplitudes √I/√⟨I⟩ (mean over spots off ice) at or above √(−ln 0.01), repeated
    // on the inliers until none is left.
    private static bool[] WilsonOutliers(double[] intensity, bool[] ice)
    {
        var cutoff = Math.Sqrt(-Math.Log(1e-2));
        var offIce = intensity.Where((_, i) => !ice[i]).ToArray();
        var mean = offIce.Length == 0 ? double.NaN : Sum(offIce) / offIce.Length;
        var outliers = intensity.Select(i => Math.Sqrt(i) / Math.Sqrt(mean) >= cutoff).ToArray();
        if (outliers.Any(o => o))
        {
            var inliers = Enumerable.Range(0, intensity.Length).Where(i => !outliers[i]).ToArray();
            var nested = WilsonOutliers(inliers.Select(i => intensity[i]).ToArray(), inliers.Select(i => ice[i]).ToArray());
            for (var k = 0; k < inliers.Length; k++)
            {
                outliers[inliers[k]] = nested[k];
            }
        }

        return outliers;
    }

    // scitbx.math.linear_regression (unweighted), with its special cases.
    private static (double Slope, double Intercept) LinearRegression(List<double> x, List<double> y)
    {
        if (x.Count == 0)
        {
            return (0, 0);
        }

        double minX = x[0], maxX = x[0], minY = y[0], maxY = y[0];
        double sumX = x[0], sumX2 = x[0] * x[0], sumY = y[0], sumXY = x[0] * y[0];
        for (var i = 1; i < x.Count; i++)
        {
            minX = Math.Min(minX, x[i]);
            maxX = Math.Max(maxX, x[i]);
            minY = Math.Min(minY, y[i]);
            maxY = Math.Max(maxY, y[i]);
            sumX += x[i];
            sumX2 += x[i] * x[i];
            sumY += y[i];
            sumXY += x[i] * y[i];
        }

        double n = x.Count;
        if (minX == maxX)
        {
            return (0, 0);
        }

        if (minY == maxY)
        {
            return (0, minY);
        }

        var dx = Math.Max(Math.Abs(minX - (sumX / n)), Math.Abs(maxX - (sumX / n)));
        var dy = Math.Max(Math.Abs(minY - (sumY / n)), Math.Abs(maxY - (sumY / n)));
        if (dx == 0)
        {
            return (0, 0);
        }

        if (dy == 0)
        {
            return (0, sumY / n);
        }

        if (dx < dy * 1e-15)
        {
            return (0, 0);
        }

        var det = (n * sumX2) - (sumX * sumX);
        return det != 0 ? (((n * sumXY) - (sumX * sumY)) / det, ((sumX2 * sumY) - (sumX * sumXY)) / det) : (0, 0);
    }

    // points_below_line: the side of the line through (0, c) and (1, m + c), as DIALS computes it.
    private static bool IsBelowLine(double x, double y, double m, double c)
    {
        var diff0 = 1.0 - 0.0;
        var diff1 = ((m * 1) + c) - c;
        var side = ((x - 0) * -diff1) + ((y - c) * diff0);
        return Math.CopySign(1, side) < 0;
    }

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
