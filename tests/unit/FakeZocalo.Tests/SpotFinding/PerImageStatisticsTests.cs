using Hyperion.FakeZocalo.SpotFinding;

namespace Hyperion.FakeZocalo.Tests.SpotFinding;

public sealed class PerImageStatisticsTests
{
    [Fact]
    public void The_ice_rings_are_cctbxs_reflections_of_hexagonal_ice()
    {
        // uctbx.unit_cell((4.498, 4.498, 7.338, 90, 90, 120)).d_star_sq of index_generator(P6_3/mmc, d_min 1.5).
        double[] cctbx = [0.065902188104220008, 0.074285589910412314, 0.084473585581823066, 0.14018777801463231, 0.19770656431265998, 0.23304476540264771, 0.26360875241688003, 0.27199215422307232, 0.28218014989448309, 0.29714235964164926, 0.33789434232729226, 0.36304454774586919, 0.43075132971530766];
        var ours = IceRings.DStarSquared.Where(r => r <= 1 / (1.5 * 1.5)).ToArray();
        Assert.Equal(cctbx.Length, ours.Length);
        for (var i = 0; i < cctbx.Length; i++)
        {
            Assert.Equal(cctbx[i], ours[i], 1e-14);
        }
    }

    [Fact]
    public void A_spot_within_half_the_width_of_a_ring_is_on_it()
    {
        var ring = 1 / Math.Sqrt(0.14018777801463231);
        Assert.True(IceRings.Contains(ring, 0.004));
        Assert.True(IceRings.Contains(1 / Math.Sqrt(0.14018777801463231 + 0.0019), 0.004));
        Assert.False(IceRings.Contains(1 / Math.Sqrt(0.14018777801463231 + 0.0021), 0.004));
    }

    [Theory]
    [InlineData(60, 1, 60, 54, 6, 30036.0, 1.300713854222445)]
    [InlineData(150, 3, 150, 133, 14, 72331.0, 1.2932956884387135)]
    [InlineData(400, 4, 400, 346, 36, 189353.0, 1.2925842278354773)]
    [InlineData(11, 2, 11, 9, 1, 5262.0, -1.0)]
    [InlineData(10, 5, 10, 9, 1, 5977.0, -1.0)]
    public void The_statistics_are_dials_stats_for_reflection_table(int n, int seed, int total, int noIce, int fourA, double intensity, double dMin)
    {
        // The same spots as DIALS 3.12's per_image_analysis.stats_for_reflection_table was given (rlp = (√d*², 0, 0)).
        var dss = new double[n];
        var counts = new double[n];
        for (var i = 0; i < n; i++)
        {
            var d = 0.01 + ((0.6 - 0.01) * i / n) + (0.0003 * ((i * seed) % 7));
            var norm = Math.Sqrt(d);
            dss[i] = norm * norm;
            counts[i] = Math.Round(2000 * Math.Exp(-6 * d), MidpointRounding.ToEven) + (((i * 37) + seed) % 23) + 1;
        }

        var stats = PerImageStatistics.Compute(dss, counts);
        Assert.Equal((total, noIce, fourA, intensity), (stats.SpotsTotal, stats.SpotsNoIce, stats.Spots4A, stats.TotalIntensity));
        Assert.Equal(dMin, stats.EstimatedDMin, 12);
    }

    [Fact]
    public void Spots_at_the_beam_centre_are_left_out_and_ice_can_be_counted()
    {
        double[] dss = [0, 0.01, 0.14018777801463231, 0.5];
        double[] counts = [100, 10, 20, 30];
        var filtered = PerImageStatistics.Compute(dss, counts);
        Assert.Equal((3, 2, 1, 40.0, -1.0), (filtered.SpotsTotal, filtered.SpotsNoIce, filtered.Spots4A, filtered.TotalIntensity, filtered.EstimatedDMin));
        var all = PerImageStatistics.Compute(dss, counts, filterIce: false);
        Assert.Equal((3, 3, 60.0), (all.SpotsTotal, all.SpotsNoIce, all.TotalIntensity));
    }
}
