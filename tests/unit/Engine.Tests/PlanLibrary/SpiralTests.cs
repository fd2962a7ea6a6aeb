using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using static Hyperion.Engine.Tests.PlanLibrary.PlanTestKit;
using Bp = Hyperion.Engine.PlanLibrary.Plans;

namespace Hyperion.Engine.Tests.PlanLibrary;

public class SpiralTests
{
    // bluesky's test_scans._get_spiral_data(0, 0): (motor1, motor2) to 3 decimals.
    private static readonly (double X, double Y)[] SpiralData =
    [
        (0.100, 0.000), (0.200, 0.000), (-0.200, 0.000), (0.300, 0.000), (-0.150, 0.260), (-0.150, -0.260),
        (0.400, 0.000), (0.000, 0.400), (-0.400, 0.000), (-0.000, -0.400), (0.500, 0.000), (0.155, 0.476),
        (-0.405, 0.294), (-0.405, -0.294), (0.155, -0.476),
    ];

    // bluesky's test_scans._get_fermat_data(0, 0).
    private static readonly (double X, double Y)[] FermatData =
    [
        (-0.074, 0.068), (0.012, -0.141), (0.105, 0.137), (-0.197, -0.035), (0.189, -0.120), (-0.064, 0.237),
        (-0.122, -0.235), (0.266, 0.097), (-0.277, 0.114), (0.134, -0.286), (0.099, 0.316), (-0.300, -0.174),
        (0.352, -0.077), (-0.215, 0.306), (-0.050, -0.384), (0.306, 0.258), (-0.412, 0.017), (0.301, -0.299),
        (-0.020, 0.435), (-0.287, -0.343), (0.454, 0.061), (-0.385, 0.268), (0.105, -0.468), (0.244, 0.425),
        (-0.476, -0.152), (0.463, -0.214), (-0.201, 0.479), (-0.179, -0.498), (0.477, 0.251), (0.301, -0.468),
        (-0.454, -0.352), (-0.402, 0.434), (0.409, 0.451), (0.498, -0.377),
    ];

    // bluesky's test_scans.square_spiral_data for x_range=3, y_range=4, x_num=7, y_num=9.
    private static readonly (double X, double Y)[] SquareData =
    [
        (0.0, 0.0), (0.5, 0.0), (0.5, -0.5), (0.0, -0.5), (-0.5, -0.5), (-0.5, 0.0), (-0.5, 0.5), (0.0, 0.5), (0.5, 0.5),
        (1.0, 0.5), (1.0, 0.0), (1.0, -0.5), (1.0, -1.0), (0.5, -1.0), (0.0, -1.0), (-0.5, -1.0), (-1.0, -1.0),
        (-1.0, -0.5), (-1.0, 0.0), (-1.0, 0.5), (-1.0, 1.0), (-0.5, 1.0), (0.0, 1.0), (0.5, 1.0), (1.0, 1.0),
        (1.5, 1.0), (1.5, 0.5), (1.5, 0.0), (1.5, -0.5), (1.5, -1.0), (1.5, -1.5), (1.0, -1.5), (0.5, -1.5),
        (0.0, -1.5), (-0.5, -1.5), (-1.0, -1.5), (-1.5, -1.5), (-1.5, -1.0), (-1.5, -0.5), (-1.5, 0.0), (-1.5, 0.5),
        (-1.5, 1.0), (-1.5, 1.5), (-1.0, 1.5), (-0.5, 1.5), (0.0, 1.5), (0.5, 1.5), (1.0, 1.5), (1.5, 1.5),
        (1.5, -2.0), (1.0, -2.0), (0.5, -2.0), (0.0, -2.0), (-0.5, -2.0), (-1.0, -2.0), (-1.5, -2.0),
        (-1.5, 2.0), (-1.0, 2.0), (-0.5, 2.0), (0.0, 2.0), (0.5, 2.0), (1.0, 2.0), (1.5, 2.0),
    ];

    private readonly SynAxis _x = new("motor1");
    private readonly SynAxis _y = new("motor2");
    private readonly SynGauss _det = new("det");

    private static void AssertTrajectory(RunRecord record, (double X, double Y)[] expected, double xOffset = 0, double yOffset = 0)
    {
        Assert.Null(record.Error);
        var xs = record.Column("motor1");
        var ys = record.Column("motor2");
        Assert.Equal(expected.Length, xs.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            // bluesky compares to 2 decimals (numpy's assert_almost_equal).
            Assert.True(Math.Abs(expected[i].X + xOffset - xs[i]) < 1.5e-2, $"x[{i}] = {xs[i]}, expected {expected[i].X + xOffset}");
            Assert.True(Math.Abs(expected[i].Y + yOffset - ys[i]) < 1.5e-2, $"y[{i}] = {ys[i]}, expected {expected[i].Y + yOffset}");
        }
    }

    [Fact]
    public async Task Spiral_visits_blueskys_points()
    {
        // bluesky's test_absolute_spiral.
        AssertTrajectory(await RunAsync(Bp.Spiral([_det], _x, _y, 0, 0, 1.0, 1.0, 0.1, 1.0)), SpiralData);
        AssertTrajectory(await RunAsync(Bp.Spiral([_det], _x, _y, 0.5, 0.5, 1.0, 1.0, 0.1, 1.0)), SpiralData, 0.5, 0.5);
    }

    [Fact]
    public void Spiral_pattern_matches_blueskys_formula_exactly()
    {
        // Expected values from bluesky's plan_patterns.spiral evaluated in CPython.
        var cycler = PlanPatterns.Spiral(_x, _y, 0, 0, 0.3, 0.3, 0.05, 3);
        Assert.Equal(17, cycler.Count);
        Assert.Equal(0.05, (double)cycler.ByKey(_x)[0]!);
        Assert.Equal(-0.02499999999999999, (double)cycler.ByKey(_x)[1]!, 15);
        Assert.Equal(0.04330127018922194, (double)cycler.ByKey(_y)[1]!, 15);
        Assert.Equal(0.11490666646784668, (double)cycler.ByKey(_x)[^1]!, 15);
        Assert.Equal(-0.09641814145298096, (double)cycler.ByKey(_y)[^1]!, 15);

        var tilted = PlanPatterns.Spiral(_x, _y, 0, 0, 2.0, 1.0, 0.1, 5, drY: 0.2, tilt: 0.3);
        Assert.Equal(88, tilted.Count);
        Assert.Equal(0.06180339887498949, (double)tilted.ByKey(_x)[7]!, 15);
        Assert.Equal(0.3804226065180614, (double)tilted.ByKey(_y)[7]!, 15);
    }

    [Fact]
    public async Task Spiral_start_document_describes_the_pattern()
    {
        var start = (await RunAsync(Bp.Spiral([_det], _x, _y, 1, 2, 0.3, 0.3, 0.05, 3))).Start;
        Assert.Equal("spiral", start.PlanName);
        Assert.Equal("spiral", start.Metadata["plan_pattern"]);
        Assert.Equal("bluesky.plan_patterns", start.Metadata["plan_pattern_module"]);
        Assert.Equal(["motor1", "motor2"], (List<string>)start.Metadata["motors"]!);
        Assert.Equal(17, start.Metadata["num_points"]);
        var extents = ((List<object?>)start.Metadata["extents"]!).Cast<List<object?>>().Select(e => e.Cast<double>().ToArray());
        Assert.Equal([[0.7, 1.3], [1.7, 2.3]], extents, (a, b) => a.Zip(b).All(p => Math.Abs(p.First - p.Second) < 1e-12));
        var patternArgs = (Dictionary<string, object?>)start.Metadata["plan_pattern_args"]!;
        Assert.Equal("motor1", patternArgs["x_motor"]);
        Assert.Equal(3.0, patternArgs["nth"]);
        Assert.Null(patternArgs["dr_y"]);
        Assert.Equal([["motor1"], ["motor2"]], ((Hints)start.Metadata["hints"]!).Dimensions!.Select(d => d.Fields));
    }

    [Fact]
    public async Task Rel_spiral_is_centred_on_the_start_and_moves_back()
    {
        // bluesky's test_rel_spiral.
        await _x.Set(1.0);
        await _y.Set(1.0);
        var record = await RunAsync(Bp.RelSpiral([_det], _x, _y, 1.0, 1.0, 0.1, 1.0));
        AssertTrajectory(record, SpiralData, 1, 1);
        Assert.Equal((1.0, 1.0), (_x.Position, _y.Position));
        Assert.Equal("rel_spiral", record.Start.PlanName);
    }

    [Fact]
    public async Task Spiral_fermat_visits_blueskys_points()
    {
        // bluesky's test_absolute_fermat_spiral and test_relative_fermat_spiral.
        var record = await RunAsync(Bp.SpiralFermat([_det], _x, _y, 0, 0, 1.0, 1.0, 0.1, 1.0));
        AssertTrajectory(record, FermatData);
        Assert.Equal("spiral_fermat", record.Start.PlanName);
        AssertTrajectory(await RunAsync(Bp.SpiralFermat([_det], _x, _y, 0.5, 0.5, 1.0, 1.0, 0.1, 1.0)), FermatData, 0.5, 0.5);
        await _x.Set(1.0);
        await _y.Set(1.0);
        AssertTrajectory(await RunAsync(Bp.RelSpiralFermat([_det], _x, _y, 1.0, 1.0, 0.1, 1.0)), FermatData, 1, 1);
        Assert.Equal((1.0, 1.0), (_x.Position, _y.Position));
    }

    [Fact]
    public void Spiral_fermat_pattern_matches_blueskys_formula_exactly()
    {
        var cycler = PlanPatterns.SpiralFermat(_x, _y, 0, 0, 0.3, 0.3, 0.05, 3);
        Assert.Equal(101, cycler.Count);
        Assert.Equal(-0.01228952766351923, (double)cycler.ByKey(_x)[0]!, 15);
        Assert.Equal(0.011258120961571399, (double)cycler.ByKey(_y)[0]!, 15);
        Assert.Equal(-0.1442250069362104, (double)cycler.ByKey(_x)[^1]!, 15);
        Assert.Equal(-0.1375549693630597, (double)cycler.ByKey(_y)[^1]!, 15);
        var tilted = PlanPatterns.SpiralFermat(_x, _y, 0, 0, 2.0, 1.0, 0.1, 2, drY: 0.2, tilt: 0.3);
        Assert.Equal(64, tilted.Count);
        Assert.Equal(0.1328384933445144, (double)tilted.ByKey(_x)[7]!, 15);
        Assert.Equal(0.09703472957574344, (double)tilted.ByKey(_y)[7]!, 15);
    }

    [Fact]
    public async Task Spiral_square_visits_every_grid_point_from_the_centre_out()
    {
        // bluesky's test_spiral_square and test_rel_spiral_square.
        var record = await RunAsync(Bp.SpiralSquare([_det], _x, _y, 0, 0, 3, 4, 7, 9));
        AssertTrajectory(record, SquareData);
        var start = record.Start;
        Assert.Equal("spiral_square", start.PlanName);
        Assert.Equal([9, 7], ((List<object?>)start.Metadata["shape"]!).Cast<int>());
        Assert.False(start.Metadata.ContainsKey("plan_pattern_module"));
        var hints = (Hints)start.Metadata["hints"]!;
        Assert.Equal("rectilinear_nonsequential", hints.Gridding);
        Assert.Equal([["motor2"], ["motor1"]], hints.Dimensions!.Select(d => d.Fields));

        // The absolute scan left the motors at its last point, (1.5, 2.0): the relative one centres there.
        AssertTrajectory(await RunAsync(Bp.RelSpiralSquare([_det], _x, _y, 3, 4, 7, 9)), SquareData, 1.5, 2.0);
        Assert.Equal((1.5, 2.0), (_x.Position, _y.Position));
    }

    [Fact]
    public void Spirals_reject_non_positive_steps()
    {
        Assert.Equal("dr", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.Spiral([_det], _x, _y, 0, 0, 1, 1, 0, 1)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.SpiralFermat([_det], _x, _y, 0, 0, 1, 1, 0.1, -1)).ParamName);
        Assert.Equal("xNum", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.SpiralSquare([_det], _x, _y, 0, 0, 1, 1, 1, 3)).ParamName);
    }
}
