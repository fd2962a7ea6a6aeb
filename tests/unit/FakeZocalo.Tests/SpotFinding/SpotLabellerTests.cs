using Hyperion.FakeZocalo.SpotFinding;

namespace Hyperion.FakeZocalo.Tests.SpotFinding;

public sealed class SpotLabellerTests
{
    private const int Width = 20;

    [Fact]
    public void Pixels_touching_only_at_corners_are_separate_spots()
    {
        // Two 3-pixel L shapes meeting diagonally at (5, 5)/(6, 6).
        var spots = Label([(4, 5), (5, 5), (5, 4), (6, 6), (7, 6), (6, 7)], settings: Settings with { MinSpotSize = 1 });
        Assert.Equal(2, spots.Count);
        Assert.All(spots, s => Assert.Equal(3, s.PixelCount));
    }

    [Fact]
    public void Side_neighbours_join_one_spot_across_rows()
    {
        var spots = Label([(3, 2), (3, 3), (4, 3), (5, 3), (5, 4)]);
        Assert.Equal(5, Assert.Single(spots).PixelCount);
    }

    [Fact]
    public void The_last_pixel_of_a_row_does_not_touch_the_first_of_the_next()
    {
        var spots = Label([(Width - 1, 2), (Width - 2, 2), (Width - 3, 2), (0, 3), (1, 3), (2, 3)]);
        Assert.Equal(2, spots.Count);
    }

    [Fact]
    public void A_u_shape_joined_only_at_its_bottom_is_one_spot()
    {
        var spots = Label([(2, 2), (6, 2), (2, 3), (6, 3), (2, 4), (3, 4), (4, 4), (5, 4), (6, 4)], settings: Settings with { MaxSeparation = null });
        Assert.Equal(9, Assert.Single(spots).PixelCount);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(6, 1)]
    [InlineData(7, 0)]
    public void Spots_outside_the_size_limits_are_dropped(int pixels, int kept)
    {
        var line = Enumerable.Range(0, pixels).Select(x => (x + 1, 4)).ToArray();
        Assert.Equal(kept, Label(line, settings: Settings with { MaxSpotSize = 6, MaxSeparation = null }).Count);
    }

    [Fact]
    public void A_spot_whose_peak_is_far_from_its_centroid_is_dropped()
    {
        // Eleven pixels in a row with the peak at one end: the centroid lies about 4.6 px away.
        var line = Enumerable.Range(0, 11).Select(x => (x + 2, 4)).ToArray();
        var values = Enumerable.Range(0, 11).Select(x => x == 0 ? 20 : 10).ToArray();
        Assert.Empty(Label(line, values));
        Assert.Single(Label(line, values, Settings with { MaxSeparation = null }));
        Assert.Single(Label(line, values, Settings with { MaxSeparation = 4.7 }));
    }

    [Fact]
    public void A_spot_is_measured_as_a_dials_shoebox()
    {
        // (3, 2) = 1, (4, 2) = 3, (4, 3) = 4: centroid ((3.5 + 4.5·3 + 4.5·4) / 8, (2.5·4 + 3.5·4) / 8).
        var spot = Assert.Single(Label([(3, 2), (4, 2), (4, 3)], [1, 3, 4]));
        Assert.Equal(((3.5 * 1) + (4.5 * 3) + (4.5 * 4)) / 8, spot.CentroidFast, 12);
        Assert.Equal(((2.5 * 4) + (3.5 * 4)) / 8, spot.CentroidSlow, 12);
        Assert.Equal((4.5, 3.5), (spot.PeakFast, spot.PeakSlow));
        Assert.Equal(8, spot.Intensity);
        Assert.Equal((3, 5, 2, 4), (spot.FastStart, spot.FastEnd, spot.SlowStart, spot.SlowEnd));
    }

    [Fact]
    public void On_a_tie_the_peak_is_the_first_brightest_pixel_in_row_major_order()
    {
        var spot = Assert.Single(Label([(5, 2), (4, 3), (5, 3)], [2, 7, 7]));
        Assert.Equal((4.5, 3.5), (spot.PeakFast, spot.PeakSlow));
    }

    [Fact]
    public void Spots_come_in_the_order_of_their_first_pixel_and_all_components_are_counted()
    {
        var found = new List<Spot>();
        (int, int)[] pixels = [(10, 1), (10, 2), (10, 3), (2, 2), (2, 3), (2, 4), (15, 8)];
        var sorted = pixels.Select(p => (p.Item2 * Width) + p.Item1).Order().ToArray();
        var components = SpotLabeller.Label(sorted, sorted.Select(_ => 5).ToArray(), Width, Settings, found);
        Assert.Equal(3, components);
        Assert.Equal([10.5, 2.5], found.Select(s => s.CentroidFast));
    }

    [Fact]
    public void Mismatched_values_are_refused() =>
        Assert.Throws<ArgumentException>(() => SpotLabeller.Label([1, 2], [1], Width, Settings, []));

    private static SpotFinderSettings Settings => SpotFinderSettings.Default;

    private static List<Spot> Label((int X, int Y)[] pixels, int[]? values = null, SpotFinderSettings? settings = null)
    {
        var indexed = pixels.Select((p, i) => (Index: (p.Y * Width) + p.X, Value: values?[i] ?? 5)).OrderBy(p => p.Index).ToArray();
        var spots = new List<Spot>();
        SpotLabeller.Label(indexed.Select(p => p.Index).ToArray(), indexed.Select(p => p.Value).ToArray(), Width, settings ?? Settings, spots);
        return spots;
    }
}
