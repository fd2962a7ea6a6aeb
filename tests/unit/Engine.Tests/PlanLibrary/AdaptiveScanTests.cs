using Hyperion.Engine.Simulation;
using static Hyperion.Engine.Tests.PlanLibrary.PlanTestKit;
using Bp = Hyperion.Engine.PlanLibrary.Plans;

namespace Hyperion.Engine.Tests.PlanLibrary;

public class AdaptiveScanTests
{
    private readonly SynAxis _motor = new("motor");

    private SynGauss Peak(double center = 0, double sigma = 1) => new("det", _motor, center, sigma);

    [Fact]
    public async Task Adaptive_scan_takes_more_points_for_a_smaller_target_delta()
    {
        // bluesky's test_adaptive_ascan.
        var det = Peak();
        var fine = await RunAsync(Bp.AdaptiveScan([det], "det", _motor, 0, 5, 0.1, 1, 0.1, true));
        var coarse = await RunAsync(Bp.AdaptiveScan([det], "det", _motor, 0, 5, 0.1, 1, 0.2, true));
        Assert.True(fine.Events().Count > coarse.Events().Count, $"{fine.Events().Count} vs {coarse.Events().Count}");
        Assert.Equal(0, fine.Column("motor")[0]);
    }

    [Fact]
    public async Task Adaptive_scan_without_backstep_only_moves_forwards()
    {
        var det = Peak();
        var up = (await RunAsync(Bp.AdaptiveScan([det], "det", _motor, 0, 5, 0.1, 1, 0.1, false))).Column("motor");
        Assert.All(up.Zip(up.Skip(1)), p => Assert.True(p.Second > p.First));
        var down = (await RunAsync(Bp.AdaptiveScan([det], "det", _motor, 5, 0, 0.1, 1, 0.1, false))).Column("motor");
        Assert.All(down.Zip(down.Skip(1)), p => Assert.True(p.Second < p.First));
        Assert.True(down[^1] > 0);
    }

    [Fact]
    public async Task Adaptive_scan_crowds_its_points_onto_the_flanks_of_the_peak()
    {
        // A noise-free Gaussian at 2.5, sigma 0.5: the signal changes fastest within a sigma or two of the centre.
        var det = Peak(center: 2.5, sigma: 0.5);
        var record = await RunAsync(Bp.AdaptiveScan([det], "det", _motor, 0, 5, 0.05, 1, 0.05, true));
        var positions = record.Column("motor");
        var nearPeak = positions.Count(x => Math.Abs(x - 2.5) <= 1.0);
        var tails = positions.Count(x => x < 1.0 || x > 4.0);
        Assert.True(nearPeak > 3 * tails, $"{nearPeak} points within 2 sigma of the peak, {tails} in the same width of tails");
        Assert.Contains(positions, x => Math.Abs(x - 2.5) < 0.25);
        Assert.All(positions, x => Assert.InRange(x, 0, 5));
    }

    [Fact]
    public async Task Adaptive_scan_reads_each_point_as_bluesky_does()
    {
        var det = Peak();
        var record = await RunAsync(Bp.AdaptiveScan([det], "det", _motor, 0, 5, 0.1, 1, 0.1, true));
        var first = record.Messages.FindIndex(m => m.Command == "checkpoint");
        var point = record.Messages.Skip(first).Take(9).ToList();
        Assert.Equal(["checkpoint", "set", "wait", "create", "trigger", "wait", "read", "read", "save"], point.Commands());
        Assert.Equal(0.0, point[1].Args[0]);
        Assert.Equal("B", point[4].Kwargs["group"]);
        Assert.Equal(["B"], point[5].Args);
        Assert.Equal([det, (object)_motor], [point[6].Obj!, point[7].Obj!]);
    }

    [Fact]
    public async Task Adaptive_scan_start_document_records_the_tuning_arguments()
    {
        var start = (await RunAsync(Bp.AdaptiveScan([Peak()], "det", _motor, 0, 5, 0.1, 1, 0.1, true))).Start;
        Assert.Equal("adaptive_scan", start.PlanName);
        Assert.Equal(["motor"], (List<string>)start.Metadata["motors"]!);
        Assert.Equal(["det"], (List<string>)start.Metadata["detectors"]!);
        var planArgs = (Dictionary<string, object?>)start.Metadata["plan_args"]!;
        Assert.Equal(0.1, planArgs["target_delta"]);
        Assert.Equal(true, planArgs["backstep"]);
        Assert.Equal(0.8, planArgs["threshold"]);
        Assert.False(start.Metadata.ContainsKey("num_points"));
        Assert.Equal(["motor"], Assert.Single(((Hints)start.Metadata["hints"]!).Dimensions!).Fields);
    }

    [Fact]
    public async Task Rel_adaptive_scan_starts_where_the_motor_is_and_moves_it_back()
    {
        // bluesky's test_adaptive_dscan.
        await _motor.Set(1.0);
        var record = await RunAsync(Bp.RelAdaptiveScan([Peak()], "det", _motor, 0, 5, 0.1, 1, 0.1, true));
        Assert.Equal(1, record.Column("motor")[0]);
        Assert.True(record.Column("motor").Max() < 6);
        Assert.Equal(1, _motor.Position);
        Assert.Equal("rel_adaptive_scan", record.Start.PlanName);
    }

    [Fact]
    public void Adaptive_scan_rejects_steps_that_are_not_ordered_and_positive()
    {
        Assert.Equal("minStep", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.AdaptiveScan([Peak()], "det", _motor, 5, 0, -0.1, 1, 0.1, false)).ParamName);
        Assert.Equal("minStep", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.RelAdaptiveScan([Peak()], "det", _motor, 5, 0, 1, 0.1, 0.1, false)).ParamName);
    }

    [Fact]
    public async Task Adaptive_scan_names_a_target_field_no_device_reads()
    {
        var record = await RunAsync(Bp.AdaptiveScan([Peak()], "nope", _motor, 0, 5, 0.1, 1, 0.1, true));
        Assert.Contains("'nope'", Assert.IsType<InvalidOperationException>(record.Error).Message, StringComparison.Ordinal);
        Assert.Equal("fail", record.Stop.ExitStatus);
    }

    [Fact]
    public async Task Tune_centroid_moves_the_motor_to_the_peak()
    {
        var det = Peak(center: 2.3, sigma: 0.5);
        var record = await RunAsync(Bp.TuneCentroid([det], "det", _motor, 0, 5, 0.01, 10));
        Assert.Null(record.Error);
        Assert.InRange(_motor.Position, 2.29, 2.31);
        Assert.Equal("tune_centroid", record.Start.PlanName);
        Assert.Equal(0, record.Column("motor")[0]);
        Assert.Equal("set", record.Messages.Where(m => m.Command is "set" or "read").Last().Command);
    }

    [Fact]
    public async Task Tune_centroid_passes_narrow_and_go_back_and_forth()
    {
        // bluesky's test_tune_centroid: the trajectory is never monotonic, each pass restarting the narrowed range.
        var det = Peak();
        var snaked = (await RunAsync(Bp.TuneCentroid([det], "det", _motor, 0, 5, 0.1, 10, snake: true))).Column("motor");
        Assert.Equal(0, snaked[0]);
        var forward = (await RunAsync(Bp.TuneCentroid([det], "det", _motor, 0, 5, 0.1, 10, snake: false))).Column("motor");
        Assert.False(forward.Zip(forward.Skip(1)).All(p => p.Second > p.First));
        var backward = (await RunAsync(Bp.TuneCentroid([det], "det", _motor, 5, 0, 0.1, 10, snake: false))).Column("motor");
        Assert.False(backward.Zip(backward.Skip(1)).All(p => p.Second < p.First));
    }

    [Fact]
    public void Tune_centroid_rejects_bad_steps()
    {
        Assert.Equal("minStep", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.TuneCentroid([Peak()], "det", _motor, 5, 0, -0.1, 10)).ParamName);
        Assert.Equal("stepFactor", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.TuneCentroid([Peak()], "det", _motor, 0, 5, 0.1, 10, 1.0)).ParamName);
        Assert.Equal("num", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.TuneCentroid([Peak()], "det", _motor, 0, 5, 0.1, 1)).ParamName);
    }
}
