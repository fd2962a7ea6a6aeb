using Hyperion.FakeZocalo.Centring;

namespace Hyperion.FakeZocalo.Tests.Centring;

public sealed class XrayCentringTests
{
    // One crystal seen in both grids (rows are y for XY and z for XZ, columns are x):
    //   XY: y0 [0 1 0 0]   XZ: z0 [0 2 2 0]
    //       y1 [0 4 2 0]       z1 [0 1 0 0]
    //       y2 [0 0 0 0]
    // V[x,y,z] = XY[x,y]·XZ[x,z]: V[1,0,0]=2, V[1,0,1]=1, V[1,1,0]=8, V[1,1,1]=4, V[2,1,0]=4.
    // max 8, cut 0.25·8 = 2 keeps 2, 8, 4, 4 (the 1 goes): weights 18, Σwx 22, Σwy 16, Σwz 4.
    private static readonly int[][] CrystalXy = [[0, 1, 0, 0], [0, 4, 2, 0], [0, 0, 0, 0]];
    private static readonly int[][] CrystalXz = [[0, 2, 2, 0], [0, 1, 0, 0]];

    private static readonly XrcResult CrystalResult = new(
        [(22.0 / 18) + 0.5, (16.0 / 18) + 0.5, (4.0 / 18) + 0.5],
        [1, 1, 0],
        MaxCount: 8,
        NVoxels: 4,
        TotalCount: 18,
        new XrcBoundingBox(1, 0, 0, 3, 2, 2),
        SampleId: null);

    [Fact]
    public void Single_crystal_gives_one_weighted_result()
    {
        var results = XrayCentring.Centre3D(Grids.Horizontal(10, CrystalXy), Grids.Horizontal(11, CrystalXz));

        var result = Assert.Single(results);
        Assert.Equal(CrystalResult, result);
    }

    [Fact]
    public void Snaked_rows_are_unsnaked_before_centring()
    {
        var results = XrayCentring.Centre3D(
            Grids.Horizontal(10, CrystalXy, snaked: true),
            Grids.Horizontal(11, CrystalXz, snaked: true));

        Assert.Equal(CrystalResult, Assert.Single(results));
    }

    [Fact]
    public void Snaked_counts_read_as_unsnaked_put_the_crystal_elsewhere()
    {
        // The snaked acquisition order, wrongly declared unsnaked, must not give the same answer.
        var snaked = Grids.Horizontal(10, CrystalXy, snaked: true) with { Snaked = false };
        var results = XrayCentring.Centre3D(snaked, Grids.Horizontal(11, CrystalXz));

        Assert.NotEqual(CrystalResult, Assert.Single(results));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Vertical_grids_are_read_column_by_column(bool snaked)
    {
        var results = XrayCentring.Centre3D(Grids.Vertical(10, CrystalXy, snaked), Grids.Vertical(11, CrystalXz, snaked));

        Assert.Equal(CrystalResult, Assert.Single(results));
    }

    [Fact]
    public void Unsnaked_lays_out_a_snaked_vertical_grid_by_columns()
    {
        // Columns acquired y-first; column 1 reversed.
        var grid = new GridSpotCounts(1, 2, 3, GridOrientation.Vertical, true, [1, 2, 3, 6, 5, 4]);

        var g = grid.Unsnaked();

        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, new[] { g[0, 0], g[0, 1], g[0, 2], g[1, 0], g[1, 1], g[1, 2] });
    }

    [Fact]
    public void Grids_are_ordered_by_dcid_whatever_the_argument_order()
    {
        var results = XrayCentring.Centre3D(Grids.Horizontal(11, CrystalXz), Grids.Horizontal(10, CrystalXy));

        Assert.Equal(CrystalResult, Assert.Single(results));
    }

    [Fact]
    public void The_lower_dcid_is_the_xy_grid()
    {
        // Give the XZ picture the lower dcid: it becomes the y axis, so y and z swap in the answer.
        var results = XrayCentring.Centre3D(Grids.Horizontal(20, CrystalXy), Grids.Horizontal(5, CrystalXz));

        var result = Assert.Single(results);
        Assert.Equal(new[] { CrystalResult.CentreOfMass[0], CrystalResult.CentreOfMass[2], CrystalResult.CentreOfMass[1] }, result.CentreOfMass);
        Assert.Equal(new XrcBoundingBox(1, 0, 0, 3, 2, 2), result.BoundingBox);
        Assert.Equal(new[] { 1, 0, 1 }, result.MaxVoxel);
    }

    [Fact]
    public void Two_crystals_give_two_results_strongest_first()
    {
        // Crystal A at x=0 (found first in scan order, product 4), crystal B at x=4 (product 9).
        int[][] xy = [[2, 0, 0, 0, 0, 0], [0, 0, 0, 0, 3, 0]];
        int[][] xz = [[2, 0, 0, 0, 0, 0], [0, 0, 0, 0, 3, 0]];

        var results = XrayCentring.Centre3D(Grids.Horizontal(1, xy), Grids.Horizontal(2, xz));

        Assert.Equal(2, results.Count);
        Assert.Equal(new XrcResult([4.5, 1.5, 1.5], [4, 1, 1], 9, 1, 9, new XrcBoundingBox(4, 1, 1, 5, 2, 2), null), results[0]);
        Assert.Equal(new XrcResult([0.5, 0.5, 0.5], [0, 0, 0], 4, 1, 4, new XrcBoundingBox(0, 0, 0, 1, 1, 1), null), results[1]);
    }

    [Fact]
    public void Crystals_touching_only_at_a_corner_are_one_region()
    {
        // Voxels (0,0,0) and (1,1,1) meet at a corner: 26-connectivity joins them.
        int[][] xy = [[3, 0], [0, 3]];
        int[][] xz = [[3, 0], [0, 3]];

        var results = XrayCentring.Centre3D(Grids.Horizontal(1, xy), Grids.Horizontal(2, xz));

        var result = Assert.Single(results);
        Assert.Equal(2, result.NVoxels);
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, result.CentreOfMass);
        Assert.Equal(new XrcBoundingBox(0, 0, 0, 2, 2, 2), result.BoundingBox);
    }

    [Fact]
    public void A_crystal_at_the_far_edge_of_the_grid_has_a_box_ending_at_the_grid_size()
    {
        int[][] xy = [[0, 0, 0], [0, 0, 5]];
        int[][] xz = [[0, 0, 0], [0, 0, 7]];

        var results = XrayCentring.Centre3D(Grids.Horizontal(1, xy), Grids.Horizontal(2, xz));

        Assert.Equal(new XrcResult([2.5, 1.5, 1.5], [2, 1, 1], 35, 1, 35, new XrcBoundingBox(2, 1, 1, 3, 2, 2), null), Assert.Single(results));
    }

    [Fact]
    public void No_diffraction_gives_no_results()
    {
        Assert.Empty(XrayCentring.Centre3D(Grids.Horizontal(1, Grids.Zeros(4, 3)), Grids.Horizontal(2, Grids.Zeros(4, 2))));
    }

    [Fact]
    public void Diffraction_in_only_one_grid_gives_no_results()
    {
        // The product is zero wherever the other grid saw nothing.
        Assert.Empty(XrayCentring.Centre3D(Grids.Horizontal(1, CrystalXy), Grids.Horizontal(2, Grids.Zeros(4, 2))));
    }

    [Theory]
    [InlineData(0, 3, 38)]
    [InlineData(1, 3, 38)]
    [InlineData(2, 1, 36)]
    public void Counts_below_the_absolute_threshold_are_dropped(double absolute, int expectedVoxels, long expectedTotal)
    {
        // Noise of 1 either side of a 6: V along x is [1, 36, 1]; the relative cut (0.01·36) keeps all three.
        int[][] line = [[1, 6, 1]];
        var options = new CentringOptions(Threshold: 0.01, AbsoluteThreshold: absolute);

        var result = Assert.Single(XrayCentring.Centre3D(Grids.Horizontal(1, line), Grids.Horizontal(2, line), options));

        Assert.Equal(expectedVoxels, result.NVoxels);
        Assert.Equal(expectedTotal, result.TotalCount);
    }

    [Fact]
    public void An_absolute_threshold_above_every_count_gives_no_results()
    {
        var options = new CentringOptions(AbsoluteThreshold: 100);

        Assert.Empty(XrayCentring.Centre3D(Grids.Horizontal(1, CrystalXy), Grids.Horizontal(2, CrystalXz), options));
    }

    [Fact]
    public void A_lower_relative_threshold_keeps_weaker_voxels()
    {
        // At 0.1 the cut is 0.8, so V[1,0,1]=1 joins the crystal.
        var result = Assert.Single(XrayCentring.Centre3D(Grids.Horizontal(1, CrystalXy), Grids.Horizontal(2, CrystalXz), new CentringOptions(Threshold: 0.1)));

        Assert.Equal(5, result.NVoxels);
        Assert.Equal(19, result.TotalCount);
    }

    [Fact]
    public void Tied_maximum_voxels_resolve_to_the_first_in_scan_order()
    {
        int[][] line = [[1, 1]];

        var result = Assert.Single(XrayCentring.Centre3D(Grids.Horizontal(1, line), Grids.Horizontal(2, line)));

        Assert.Equal(new[] { 0, 0, 0 }, result.MaxVoxel);
    }

    [Fact]
    public void The_sample_id_is_copied_into_every_result()
    {
        int[][] xy = [[2, 0, 0, 0, 0, 0], [0, 0, 0, 0, 3, 0]];
        var results = XrayCentring.Centre3D(Grids.Horizontal(1, xy), Grids.Horizontal(2, xy), new CentringOptions(SampleId: 364758));

        Assert.All(results, r => Assert.Equal(364758, r.SampleId));
    }

    [Fact]
    public void Two_d_centring_takes_the_largest_region_above_half_the_maximum()
    {
        // 5 × 3, snaked. Cut 5 keeps A = {(0,0)=6} and B = {(3,0)=9, (3,1)=8, (4,1)=10}; B is larger.
        int[][] rows = [[6, 0, 0, 9, 1], [0, 0, 0, 8, 10], [0, 0, 0, 0, 0]];

        var outcome = XrayCentring.Centre([Grids.Horizontal(7, rows, snaked: true)], new CentringOptions(SampleId: 3));

        Assert.Equal(CentringOutcome.TwoD, outcome.Type);
        var result = Assert.Single(outcome.Results);
        Assert.Equal(new XrcResult([(10.0 / 3) + 0.5, (2.0 / 3) + 0.5], [4, 1], 10, 3, 27, null, 3), result);
    }

    [Fact]
    public void Two_d_centring_uses_an_unweighted_centre_and_eight_connectivity()
    {
        // (0,0)=10 and (1,1)=5 touch diagonally: one region, centre midway whatever the counts.
        int[][] rows = [[10, 0], [0, 5]];

        var result = Assert.Single(XrayCentring.Centre2D(Grids.Horizontal(1, rows)));

        Assert.Equal(new[] { 1.0, 1.0 }, result.CentreOfMass);
        Assert.Equal(new[] { 0, 0 }, result.MaxVoxel);
        Assert.Null(result.BoundingBox);
    }

    [Fact]
    public void Two_d_centring_of_an_empty_grid_gives_no_results()
    {
        Assert.Empty(XrayCentring.Centre([Grids.Horizontal(1, Grids.Zeros(3, 3))]).Results);
    }

    [Fact]
    public void Centre_picks_three_d_for_two_grids()
    {
        var outcome = XrayCentring.Centre([Grids.Horizontal(10, CrystalXy), Grids.Horizontal(11, CrystalXz)]);

        Assert.Equal(CentringOutcome.ThreeD, outcome.Type);
        Assert.Equal(CrystalResult, Assert.Single(outcome.Results));
    }

    [Fact]
    public void Counts_of_the_wrong_length_are_rejected_naming_the_field()
    {
        var grid = new GridSpotCounts(1, 4, 3, GridOrientation.Horizontal, false, new int[11]);

        var ex = Assert.Throws<CentringInputException>(() => XrayCentring.Centre([grid]));

        Assert.Equal("grids[0].spot_counts", ex.Field);
    }

    [Fact]
    public void Grids_with_different_steps_x_are_rejected()
    {
        var ex = Assert.Throws<CentringInputException>(() =>
            XrayCentring.Centre([Grids.Horizontal(1, CrystalXy), Grids.Horizontal(2, Grids.Zeros(5, 2))]));

        Assert.Equal("grids[1].steps_x", ex.Field);
    }

    [Fact]
    public void Negative_counts_are_rejected_naming_the_frame()
    {
        var grid = new GridSpotCounts(1, 2, 2, GridOrientation.Horizontal, false, [0, 1, 2, -3]);

        var ex = Assert.Throws<CentringInputException>(() => XrayCentring.Centre2D(grid));

        Assert.Equal("spot_counts[3]", ex.Field);
    }

    [Theory]
    [InlineData(0, 3, "grids[0].steps_x")]
    [InlineData(3, 0, "grids[0].steps_y")]
    [InlineData(-1, 3, "grids[0].steps_x")]
    public void Zero_or_negative_steps_are_rejected(int stepsX, int stepsY, string field)
    {
        var grid = new GridSpotCounts(1, stepsX, stepsY, GridOrientation.Horizontal, false, []);

        Assert.Equal(field, Assert.Throws<CentringInputException>(() => XrayCentring.Centre([grid])).Field);
    }

    [Fact]
    public void Three_grids_are_rejected()
    {
        var g = Grids.Horizontal(1, CrystalXy);

        Assert.Equal("grids", Assert.Throws<CentringInputException>(() => XrayCentring.Centre([g, g with { Dcid = 2 }, g with { Dcid = 3 }])).Field);
    }

    [Fact]
    public void Two_grids_with_the_same_dcid_are_rejected()
    {
        var ex = Assert.Throws<CentringInputException>(() => XrayCentring.Centre3D(Grids.Horizontal(1, CrystalXy), Grids.Horizontal(1, CrystalXz)));

        Assert.Equal("grids[1].dcid", ex.Field);
    }

    [Theory]
    [InlineData(-0.1, 0, "threshold")]
    [InlineData(double.NaN, 0, "threshold")]
    [InlineData(0.25, -1, "threshold_absolute")]
    public void Bad_thresholds_are_rejected(double threshold, double absolute, string field)
    {
        var ex = Assert.Throws<CentringInputException>(() =>
            XrayCentring.Centre3D(Grids.Horizontal(1, CrystalXy), Grids.Horizontal(2, CrystalXz), new CentringOptions(threshold, absolute)));

        Assert.Equal(field, ex.Field);
    }
}
