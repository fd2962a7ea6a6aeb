using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using static Hyperion.Engine.Tests.PlanLibrary.PlanTestKit;
using Bp = Hyperion.Engine.PlanLibrary.Plans;

namespace Hyperion.Engine.Tests.PlanLibrary;

public class GridScanTests
{
    private readonly SynAxis _motor = new("motor");
    private readonly SynAxis _motor1 = new("motor1");
    private readonly SynAxis _motor2 = new("motor2");
    private readonly SynGauss _det = new("det");

    private IMovable Motor(string name) => name switch
    {
        "motor1" => _motor1,
        "motor2" => _motor2,
        _ => _motor,
    };

    private (IMovable Motor, double Start, double Stop, int Num)[] ThreeAxes() =>
        [(_motor, 1, 2, 3), (_motor1, 4, 5, 6), (_motor2, 7, 8, 9)];

    /// <summary>
    /// The expected mesh, computed independently of the plan: nested loops, slowest axis first, where a snaking
    /// axis runs backwards whenever the number of completed passes of the axes outside it is odd.
    /// </summary>
    private static List<double[]> Mesh(IReadOnlyList<(double Start, double Stop, int Num)> axes, bool[] snake)
    {
        var points = new List<double[]>();
        var total = axes.Aggregate(1, (n, a) => n * a.Num);
        for (var j = 0; j < total; j++)
        {
            var point = new double[axes.Count];
            var inner = total;
            var outerPasses = 0;
            for (var i = 0; i < axes.Count; i++)
            {
                inner /= axes[i].Num;
                var index = j / inner % axes[i].Num;
                var position = snake[i] && outerPasses % 2 == 1 ? axes[i].Num - 1 - index : index;
                point[i] = axes[i].Num == 1 ? axes[i].Start : axes[i].Start + ((axes[i].Stop - axes[i].Start) * position / (axes[i].Num - 1));
                outerPasses = (outerPasses * axes[i].Num) + index;
            }

            points.Add(point);
        }

        return points;
    }

    private static void AssertMesh(RunRecord record, string[] names, List<double[]> expected)
    {
        for (var i = 0; i < names.Length; i++)
        {
            var actual = record.Column(names[i]);
            Assert.Equal(expected.Count, actual.Count);
            for (var j = 0; j < expected.Count; j++)
            {
                Assert.Equal(expected[j][i], actual[j], 9);
            }
        }
    }

    [Fact]
    public async Task Grid_scan_nests_axes_with_the_first_slowest()
    {
        // bluesky's test_outer_product_ascan.
        var record = await RunAsync(Bp.GridScan([_det], [(_motor1, 1, 3, 3), (_motor2, 10, 20, 2)]));
        Assert.Equal([1.0, 1.0, 2.0, 2.0, 3.0, 3.0], record.Column("motor1"));
        Assert.Equal([10.0, 20.0, 10.0, 20.0, 10.0, 20.0], record.Column("motor2"));
    }

    [Fact]
    public async Task Grid_scan_snaked_axis_reverses_on_alternate_rows()
    {
        // bluesky's test_outer_product_ascan_snaked (per-axis snake flag).
        var record = await RunAsync(Bp.GridScan([_det], [(_motor1, 1, 3, 3, false), (_motor2, 10, 20, 2, true)]));
        Assert.Equal([1.0, 1.0, 2.0, 2.0, 3.0, 3.0], record.Column("motor1"));
        Assert.Equal([10.0, 20.0, 20.0, 10.0, 10.0, 20.0], record.Column("motor2"));
    }

    public static TheoryData<string, bool[]> SnakeCases => new()
    {
        { "false", [false, false, false] },
        { "true", [false, true, true] },
        { "[]", [false, false, false] },
        { "[motor1]", [false, true, false] },
        { "[motor2]", [false, false, true] },
        { "[motor1, motor2]", [false, true, true] },
    };

    [Theory]
    [MemberData(nameof(SnakeCases))]
    public async Task Grid_scan_follows_blueskys_snake_axes_semantics(string snakeAxes, bool[] snaking)
    {
        // bluesky's test_grid_scans (absolute).
        var plan = snakeAxes switch
        {
            "false" => Bp.GridScan([_det], ThreeAxes(), snakeAxes: false),
            "true" => Bp.GridScan([_det], ThreeAxes(), snakeAxes: true),
            _ => Bp.GridScan([_det], ThreeAxes(), [.. snakeAxes.Trim('[', ']').Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(Motor)]),
        };
        var record = await RunAsync(plan);
        Assert.Equal(snaking.Cast<object?>(), (List<object?>)record.Start.Metadata["snaking"]!);
        AssertMesh(record, ["motor", "motor1", "motor2"], Mesh([(1, 2, 3), (4, 5, 6), (7, 8, 9)], snaking));
    }

    [Fact]
    public async Task Rel_grid_scan_offsets_from_the_start_snakes_and_moves_back()
    {
        // bluesky's test_outer_product_dscan_snaked and test_grid_scans (relative).
        await _motor1.Set(5.0);
        await _motor2.Set(8.0);
        var record = await RunAsync(Bp.RelGridScan([_det], [(_motor1, 1, 3, 3), (_motor2, 10, 20, 2)], snakeAxes: true));
        Assert.Equal([6.0, 6.0, 7.0, 7.0, 8.0, 8.0], record.Column("motor1"));
        Assert.Equal([18.0, 28.0, 28.0, 18.0, 18.0, 28.0], record.Column("motor2"));
        Assert.Equal((5.0, 8.0), (_motor1.Position, _motor2.Position));
        Assert.Equal("rel_grid_scan", record.Start.PlanName);
    }

    [Fact]
    public async Task Grid_scan_start_document_has_shape_extents_snaking_and_gridding()
    {
        // bluesky's test_plan_header and test_ops_dimension_hints.
        var record = await RunAsync(Bp.GridScan([_det], ThreeAxes(), snakeAxes: true));
        var start = record.Start;
        Assert.Equal("grid_scan", start.PlanName);
        Assert.Equal(["motor", "motor1", "motor2"], (List<string>)start.Metadata["motors"]!);
        Assert.Equal([3, 6, 9], ((List<object?>)start.Metadata["shape"]!).Cast<int>());
        Assert.Equal(
            [[1.0, 2.0], [4.0, 5.0], [7.0, 8.0]],
            ((List<object?>)start.Metadata["extents"]!).Cast<List<object?>>().Select(e => e.Cast<double>().ToArray()));
        Assert.Equal("outer_product", start.Metadata["plan_pattern"]);
        Assert.Equal("bluesky.plan_patterns", start.Metadata["plan_pattern_module"]);
        Assert.Equal(162, start.Metadata["num_points"]);
        Assert.Equal(161, start.Metadata["num_intervals"]);
        var args = (List<object?>)((Dictionary<string, object?>)start.Metadata["plan_args"]!)["args"]!;
        Assert.Equal(["motor", 1.0, 2.0, 3, "motor1", 4.0, 5.0, 6, true, "motor2", 7.0, 8.0, 9, true], args);
        var hints = (Hints)start.Metadata["hints"]!;
        Assert.Equal("rectilinear", hints.Gridding);
        Assert.Equal([["motor"], ["motor1"], ["motor2"]], hints.Dimensions!.Select(d => d.Fields));
        Assert.All(hints.Dimensions!, d => Assert.Equal("primary", d.Stream));
    }

    [Fact]
    public void Grid_scan_rejects_bad_snake_axes_and_repeated_motors()
    {
        // bluesky's test_grid_scans_failing.
        var repeated = Assert.Throws<ArgumentException>(() => Bp.GridScan([_det], [(_motor, 1, 2, 3), (_motor1, 4, 5, 6), (_motor1, 7, 8, 9)]));
        Assert.Contains("Some motors are listed multiple times in the argument list 'args'", repeated.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Bp.GridScan([_det], [(_motor, 1, 2, 3, false), (_motor1, 4, 5, 6, true), (_motor1, 7, 8, 9, false)]));
        Assert.Contains(
            "contains repeated elements",
            Assert.Throws<ArgumentException>(() => Bp.GridScan([_det], ThreeAxes(), [_motor1, _motor2, _motor1])).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "contains the slowest motor",
            Assert.Throws<ArgumentException>(() => Bp.GridScan([_det], ThreeAxes(), [_motor1, _motor])).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "not controlled during the scan",
            Assert.Throws<ArgumentException>(() => Bp.GridScan([_det], ThreeAxes(), [_motor1, new SynAxis("motor3")])).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "slowest (first) axis",
            Assert.Throws<ArgumentException>(() => Bp.GridScan([_det], [(_motor, 1, 2, 3, true), (_motor1, 4, 5, 6, false)])).Message,
            StringComparison.Ordinal);
        Assert.Equal("axes", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.GridScan([_det], [(_motor, 1, 2, 0)])).ParamName);
    }

    [Fact]
    public async Task List_grid_scan_snakes_the_inner_axis()
    {
        // bluesky's test_list_grid_scan, test_list_grid_scan_snake and test_list_grid_scan_snake_list.
        (IMovable, IReadOnlyList<object?>)[] axes = [(_motor1, [6.0, 7.0, 8.0]), (_motor2, [18.0, 28.0, 38.0])];
        double[] rows = [18, 28, 38, 18, 28, 38, 18, 28, 38];
        double[] snaked = [18, 28, 38, 38, 28, 18, 18, 28, 38];
        Assert.Equal(rows, (await RunAsync(Bp.ListGridScan([_det], axes))).Column("motor2"));
        var record = await RunAsync(Bp.ListGridScan([_det], axes, snakeAxes: true));
        Assert.Equal(snaked, record.Column("motor2"));
        Assert.Equal([6.0, 6.0, 6.0, 7.0, 7.0, 7.0, 8.0, 8.0, 8.0], record.Column("motor1"));
        Assert.Equal("True", record.Start.Metadata["snake_axes"]);
        Assert.Equal("outer_list_product", record.Start.Metadata["plan_pattern"]);
        record = await RunAsync(Bp.ListGridScan([_det], axes, [_motor2]));
        Assert.Equal(snaked, record.Column("motor2"));
        Assert.Equal("['motor2']", record.Start.Metadata["snake_axes"]);
    }

    [Fact]
    public async Task Rel_list_grid_scan_offsets_from_the_start_and_moves_back()
    {
        // bluesky's test_rel_list_grid_scan_snake.
        await _motor1.Set(5.0);
        await _motor2.Set(8.0);
        var record = await RunAsync(Bp.RelListGridScan([_det], [(_motor1, [1.0, 2.0, 3.0]), (_motor2, [10.0, 20.0, 30.0])], snakeAxes: true));
        Assert.Equal([18.0, 28.0, 38.0, 38.0, 28.0, 18.0, 18.0, 28.0, 38.0], record.Column("motor2"));
        Assert.Equal((5.0, 8.0), (_motor1.Position, _motor2.Position));
        Assert.Equal("rel_list_grid_scan", record.Start.PlanName);
    }
}
