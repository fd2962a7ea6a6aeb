namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// DIALS' per-image statistics of one image's spots (<c>stats_for_reflection_table</c> in
/// dials/algorithms/spot_finding/per_image_analysis.py, as <c>dials.find_spots_server</c> calls it): spots at the
/// beam centre (1/d² = 0) are left out; ice-ring spots are left out of <c>n_spots_no_ice</c>, the total intensity and
/// the estimate's fits.
/// </summary>
/// <param name="SpotsTotal">n_spots_total: spots with 1/d² &gt; 0.</param>
/// <param name="SpotsNoIce">n_spots_no_ice: those off the ice rings (all of them when ice is not filtered).</param>
/// <param name="Spots4A">n_spots_4A: spots with d &gt; 4 Å (DIALS counts those at lower resolution than 4 Å).</param>
/// <param name="TotalIntensity">total_intensity: the summed counts of the spots off the ice rings.</param>
/// <param name="EstimatedDMin">estimated_d_min in Å; −1 when 10 spots or fewer are off the ice rings.</param>
public sealed record PerImageStatistics(int SpotsTotal, int SpotsNoIce, int Spots4A, double TotalIntensity, double EstimatedDMin)
{
    /// <summary>The statistics of spots with 1/d² <paramref name="dStarSquared"/> (Å⁻²) and summed counts <paramref name="intensity"/>.</summary>
    public static PerImageStatistics Compute(IReadOnlyList<double> dStarSquared, IReadOnlyList<double> intensity, bool filterIce = true, double iceRingWidth = 0.004)
    {
        ArgumentNullException.ThrowIfNull(dStarSquared);
        ArgumentNullException.ThrowIfNull(intensity);
        if (dStarSquared.Count != intensity.Count)
        {
            throw new ArgumentException($"{dStarSquared.Count} spots' 1/d² but {intensity.Count} intensities.", nameof(intensity));
        }

        var keep = Enumerable.Range(0, dStarSquared.Count).Where(i => dStarSquared[i] > 0).ToArray();
        var dss = keep.Select(i => dStarSquared[i]).ToArray();
        var counts = keep.Select(i => intensity[i]).ToArray();
        var d = dss.Select(ResolutionEstimate.DStarSquaredAsD).ToArray();
        var ice = filterIce ? d.Select(v => IceRings.Contains(v, iceRingWidth)).ToArray() : new bool[d.Length];
        var noIce = ice.Count(i => !i);
        var total = 0.0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (!ice[i])
            {
                total += counts[i];
            }
        }

        var estimate = noIce > 10 ? ResolutionEstimate.Estimate(dss, counts, ice) : -1.0;
        return new PerImageStatistics(dss.Length, noIce, d.Count(v => v > 4), total, estimate);
    }
}
