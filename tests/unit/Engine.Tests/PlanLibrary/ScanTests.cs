using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using static Hyperion.Engine.Tests.PlanLibrary.PlanTestKit;
using Bp = Hyperion.Engine.PlanLibrary.Plans;

namespace Hyperion.Engine.Tests.PlanLibrary;

public class ScanTests
{
    private static Dictionary<string, object?> Kw(params (string Key, object? Value)[] pairs) => Md(pairs);

    private static Msg[] Point(SynGauss det, SynAxis motor, double position) =>
    [
        new Msg("checkpoint"), new Msg("set", motor, position), new Msg("wait"), new Msg("trigger", det), new Msg("wait"),
        new Msg("create", null, [], Kw(("name", "primary"))), new Msg("read", det), new Msg("read", motor), new Msg("save"),
    ];

    [Fact]
    public void Scan_moves_and_reads_at_each_point_inside_a_staged_run()
    {
        var det = new SynGauss("det");
        var motor = new SynAxis("motor");
        var messages = Bp.Scan([det], motor, -1, 1, 3).ToMessageList().WithoutGroups();
        Assert.Equal(
            [
                new Msg("stage", det), new Msg("stage", motor), messages[2],
                .. Point(det, motor, -1.0), .. Point(det, motor, 0.0), .. Point(det, motor, 1.0),
                new Msg("close_run"), new Msg("unstage", motor), new Msg("unstage", det),
            ],
            messages);
        Assert.Equal("open_run", messages[2].Command);
    }

    [Fact]
    public async Task Scan_of_two_motors_moves_them_together_and_records_one_dimension()
    {
        // bluesky's test_inner_product_ascan and test_plan_header.
        var m1 = new SynAxis("motor1");
        var m2 = new SynAxis("motor2");
        var det = new SynGauss("det");
        var record = await RunAsync(Bp.Scan([det], [(m1, 1, 3), (m2, 10, 30)], 3));
        Assert.Equal([1.0, 2.0, 3.0], record.Column("motor1"));
        Assert.Equal([10.0, 20.0, 30.0], record.Column("motor2"));
        var start = record.Start;
        Assert.Equal("scan", start.PlanName);
        Assert.Equal(["motor1", "motor2"], (List<string>)start.Metadata["motors"]!);
        Assert.Equal(["det"], (List<string>)start.Metadata["detectors"]!);
        Assert.Equal(3, start.Metadata["num_points"]);
        Assert.Equal(2, start.Metadata["num_intervals"]);
        Assert.Equal("inner_product", start.Metadata["plan_pattern"]);
        Assert.Equal("bluesky.plan_patterns", start.Metadata["plan_pattern_module"]);
        var planArgs = (Dictionary<string, object?>)start.Metadata["plan_args"]!;
        Assert.Equal(["motor1", 1.0, 3.0, "motor2", 10.0, 30.0], (List<object?>)planArgs["args"]!);
        Assert.Equal(3, planArgs["num"]);
        Assert.Equal("None", planArgs["per_step"]);
        var patternArgs = (Dictionary<string, object?>)start.Metadata["plan_pattern_args"]!;
        Assert.Equal(3, patternArgs["num"]);
        var dimension = Assert.Single(((Hints)start.Metadata["hints"]!).Dimensions!);
        Assert.Equal(["motor1", "motor2"], dimension.Fields);
        Assert.Equal("primary", dimension.Stream);
    }

    [Fact]
    public async Task Scan_positions_are_numpys_linspace()
    {
        // bluesky's test_lin_ascan.
        var motor = new SynAxis("motor");
        var record = await RunAsync(Bp.Scan([new SynGauss("det")], motor, 0, 10, 5));
        Assert.Equal([0, 2.5, 5, 7.5, 10], record.Column("motor"));
    }

    [Fact]
    public void Scan_rejects_bad_arguments_naming_them()
    {
        var det = new SynGauss("det");
        var motor = new SynAxis("motor");
        Assert.Equal("num", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.Scan([det], motor, -1, 1, 0)).ParamName);
        Assert.Equal("axes", Assert.Throws<ArgumentException>(() => Bp.Scan([det], [], 3)).ParamName);
        Assert.Equal("axes", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.Scan([det], motor, double.NaN, 1, 3)).ParamName);
        var duplicate = Assert.Throws<ArgumentException>(() => Bp.Scan([det], [(motor, 0, 1), (motor, 2, 3)], 3));
        Assert.Contains("multiple times", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rel_scan_is_relative_to_the_start_and_moves_the_motor_back()
    {
        // bluesky's test_lin_dscan.
        var motor = new SynAxis("motor", 6);
        var record = await RunAsync(Bp.RelScan([new SynGauss("det")], motor, 0, 10, 5));
        Assert.Null(record.Error);
        Assert.Equal([6, 8.5, 11, 13.5, 16], record.Column("motor"));
        Assert.Equal(6, motor.Position);
        Assert.Equal("rel_scan", record.Start.PlanName);
        Assert.Equal(["set", "wait"], record.Messages.Commands()[^2..]);
    }

    [Fact]
    public async Task Rel_scan_stopped_while_paused_closes_the_run_unstages_and_moves_the_motor_back()
    {
        var motor = new SynAxis("motor", 2);
        var det = new SynGauss("det");
        var saves = 0;
        var plan = Preprocessors.PlanMutator(
            Bp.RelScan([det], motor, -1, 1, 5),
            msg => msg.Command == "save" && ++saves == 2 ? (null, Plan.From(Stubs.Pause())) : (null, null));
        using var engine = new RunEngine();
        var docs = new List<Document>();
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(plan, [(_, d) => docs.Add(d)]));
        Assert.Equal(RunEngineState.Paused, engine.State);
        await engine.StopAsync();
        Assert.Equal(2, docs.OfType<Event>().Count());
        Assert.Equal("success", Assert.Single(docs.OfType<RunStop>()).ExitStatus);
        Assert.Equal(2, motor.Position);
        Assert.Equal(1, det.UnstageCount);
    }

    [Fact]
    public async Task Rel_scan_halted_while_paused_runs_none_of_its_cleanup()
    {
        var motor = new SynAxis("motor", 2);
        var saves = 0;
        var plan = Preprocessors.PlanMutator(
            Bp.RelScan([new SynGauss("det")], motor, -1, 1, 5),
            msg => msg.Command == "save" && ++saves == 2 ? (null, Plan.From(Stubs.Pause())) : (null, null));
        using var engine = new RunEngine();
        var messages = new List<Msg>();
        engine.MsgHook = messages.Add;
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(plan));
        var before = messages.Count;
        await engine.HaltAsync();
        Assert.Equal(before, messages.Count);
        Assert.Equal(1.5, motor.Position);
    }

    [Fact]
    public async Task List_scan_visits_the_given_positions()
    {
        // bluesky's test_ascan and test_multi_motor_list_scan.
        var motor = new SynAxis("motor");
        var record = await RunAsync(Bp.ListScan([new SynGauss("det")], motor, [1, 2, 3]));
        Assert.Equal([1.0, 2.0, 3.0], record.Column("motor"));

        var m1 = new SynAxis("motor1");
        var m2 = new SynAxis("motor2");
        record = await RunAsync(Bp.ListScan([new SynGauss("det")], [(m1, [6.0, 7.0, 8.0]), (m2, [18.0, 28.0, 38.0])]));
        Assert.Equal([6.0, 7.0, 8.0], record.Column("motor1"));
        Assert.Equal([18.0, 28.0, 38.0], record.Column("motor2"));
        var start = record.Start;
        Assert.Equal("list_scan", start.PlanName);
        Assert.Equal("inner_list_product", start.Metadata["plan_pattern"]);
        Assert.Equal(3, start.Metadata["num_points"]);
        Assert.Equal(["motor1", "motor2"], Assert.Single(((Hints)start.Metadata["hints"]!).Dimensions!).Fields);
        var args = (List<object?>)((Dictionary<string, object?>)start.Metadata["plan_args"]!)["args"]!;
        Assert.Equal("motor1", args[0]);
        Assert.Equal([6.0, 7.0, 8.0], (List<object?>)args[1]!);
    }

    [Fact]
    public void List_scan_rejects_lists_of_different_lengths()
    {
        var m1 = new SynAxis("motor1");
        var m2 = new SynAxis("motor2");
        var error = Assert.Throws<ArgumentException>(() => Bp.ListScan([new SynGauss("det")], [(m1, [1.0, 2.0]), (m2, [1.0])]));
        Assert.Equal("axes", error.ParamName);
        Assert.Contains("'motor1': 2, 'motor2': 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Bp.ListScan([new SynGauss("det")], m1, []));
    }

    [Fact]
    public async Task Rel_list_scan_offsets_from_the_start_and_moves_back()
    {
        // bluesky's test_dscan and test_multi_motor_rel_list_scan.
        var motor = new SynAxis("motor", -4);
        var record = await RunAsync(Bp.RelListScan([new SynGauss("det")], motor, [1, 2, 3]));
        Assert.Equal([-3.0, -2.0, -1.0], record.Column("motor"));
        Assert.Equal(-4, motor.Position);
        Assert.Equal("rel_list_scan", record.Start.PlanName);

        var m1 = new SynAxis("motor1", 5);
        var m2 = new SynAxis("motor2", 8);
        record = await RunAsync(Bp.RelListScan([new SynGauss("det")], [(m1, [1.0, 2.0, 3.0]), (m2, [10.0, 20.0, 30.0])]));
        Assert.Equal([6.0, 7.0, 8.0], record.Column("motor1"));
        Assert.Equal([18.0, 28.0, 38.0], record.Column("motor2"));
        Assert.Equal((5.0, 8.0), (m1.Position, m2.Position));
    }

    [Fact]
    public async Task Log_scan_positions_are_numpys_logspace()
    {
        // bluesky's test_log_ascan.
        var motor = new SynAxis("motor");
        var record = await RunAsync(Bp.LogScan([new SynGauss("det")], motor, 0, 10, 5));
        Assert.Equal([1, Math.Pow(10, 2.5), 1e5, Math.Pow(10, 7.5), 1e10], record.Column("motor"));
        var start = record.Start;
        Assert.Equal("log_scan", start.PlanName);
        Assert.Equal("logspace", start.Metadata["plan_pattern"]);
        Assert.Equal("numpy", start.Metadata["plan_pattern_module"]);
        Assert.Equal(5, start.Metadata["num_points"]);
        Assert.Equal(["motor"], Assert.Single(((Hints)start.Metadata["hints"]!).Dimensions!).Fields);
    }

    [Fact]
    public void Log_scan_steps_with_one_1d_step()
    {
        var det = new SynGauss("det");
        var motor = new SynAxis("motor");
        var messages = Bp.LogScan([det], motor, 0, 1, 2).ToMessageList().WithoutGroups();
        Assert.Equal([.. Point(det, motor, 1.0), .. Point(det, motor, 10.0)], messages[3..^3]);
    }

    [Fact]
    public async Task Rel_log_scan_offsets_from_the_start_and_moves_back()
    {
        // bluesky's test_log_dscan.
        var motor = new SynAxis("motor", 6);
        var record = await RunAsync(Bp.RelLogScan([new SynGauss("det")], motor, 0, 10, 5));
        Assert.Equal([7, Math.Pow(10, 2.5) + 6, 1e5 + 6, Math.Pow(10, 7.5) + 6, 1e10 + 6], record.Column("motor"));
        Assert.Equal(6, motor.Position);
        Assert.Equal("rel_log_scan", record.Start.PlanName);
    }

    [Fact]
    public async Task Scan_nd_moves_only_the_motors_that_change()
    {
        var m1 = new SynAxis("motor1");
        var m2 = new SynAxis("motor2");
        var det = new SynGauss("det");
        var cycler = Cycler.Of(m1, [1.0, 2.0]) * Cycler.Of(m2, [4.0, 5.0, 6.0]);
        var record = await RunAsync(Bp.ScanNd([det], cycler));
        Assert.Equal([1.0, 1.0, 1.0, 2.0, 2.0, 2.0], record.Column("motor1"));
        Assert.Equal([4.0, 5.0, 6.0, 4.0, 5.0, 6.0], record.Column("motor2"));
        Assert.Equal(2, m1.MoveCount);
        Assert.Equal(6, m2.MoveCount);
        var start = record.Start;
        Assert.Equal("scan_nd", start.PlanName);
        Assert.Equal(6, start.Metadata["num_points"]);
        Assert.Equal(5, start.Metadata["num_intervals"]);
        Assert.Equal(["motor1", "motor2"], (List<string>)start.Metadata["motors"]!);
        var planArgs = (Dictionary<string, object?>)start.Metadata["plan_args"]!;
        Assert.Equal("(cycler('motor1', [1.0, 2.0]) * cycler('motor2', [4.0, 5.0, 6.0]))", planArgs["cycler"]);
        Assert.Equal(
            [["motor1"], ["motor2"]],
            ((Hints)start.Metadata["hints"]!).Dimensions!.Select(d => d.Fields));
    }

    [Fact]
    public void Scan_nd_runs_a_custom_per_step()
    {
        var motor = new SynAxis("motor");
        var steps = new List<object?>();
        Plan PerStep(IReadOnlyList<IReadable> detectors, IReadOnlyList<(IMovable Motor, object? Position)> step, Dictionary<IMovable, object?> cache)
        {
            steps.Add(step[0].Position);
            return Stubs.Null();
        }

        var messages = Bp.ScanNd([], Cycler.Of(motor, [1.0, 2.0]), PerStep).ToMessageList();
        Assert.Equal([1.0, 2.0], steps);
        Assert.Equal(2, messages.Count(m => m.Command == "null"));
        var planArgs = (Dictionary<string, object?>)messages.Single(m => m.Command == "open_run").Kwargs["plan_args"]!;
        Assert.Equal("PerStep", planArgs["per_step"]);
    }

    [Fact]
    public void Scan_nd_skips_the_dimensions_hint_when_a_motor_has_no_hinted_fields()
    {
        var hinted = new SynAxis("hinted");
        var plan = Bp.ScanNd([], Cycler.Of(hinted, [1.0]) + Cycler.Of(new UnhintedMovable("bare"), [2.0]));
        var hints = (Hints)plan.ToMessageList().Single(m => m.Command == "open_run").Kwargs["hints"]!;
        Assert.Null(hints.Dimensions);
    }

    [Fact]
    public async Task X2x_scan_moves_the_second_motor_half_as_far_relative_to_the_start()
    {
        // bluesky's test_x2x_scan.
        var m1 = new SynAxis("motor1");
        var m2 = new SynAxis("motor2", 1);
        var record = await RunAsync(Bp.X2XScan([new SynGauss("det")], m1, m2, -1, 4, 11));
        Assert.Equal(PlanPatterns.Linspace(-1, 4, 11), record.Column("motor1"));
        Assert.Equal(PlanPatterns.Linspace(-0.5, 2, 11).Select(x => x + 1), record.Column("motor2"));
        Assert.Equal("x2x_scan", record.Start.PlanName);
        var planArgs = (Dictionary<string, object?>)record.Start.Metadata["plan_args"]!;
        Assert.Equal(("motor1", "motor2", 11), ((string)planArgs["motor1"]!, (string)planArgs["motor2"]!, (int)planArgs["num"]!));
        Assert.Equal((0.0, 1.0), (m1.Position, m2.Position));
    }

    [Fact]
    public async Task Scan_start_document_serializes_as_event_model_json()
    {
        var motor = new SynAxis("motor");
        var start = (await RunAsync(Bp.Scan([new SynGauss("det")], motor, -1, 1, 3, md: Md(("sample", "lysozyme"))))).Start;
        using var json = System.Text.Json.JsonDocument.Parse(Hyperion.Engine.Serialization.DocumentJson.Serialize(start));
        var root = json.RootElement;
        Assert.Equal("[[[\"motor\"],\"primary\"]]", root.GetProperty("hints").GetProperty("dimensions").GetRawText());
        Assert.Equal("[\"motor\",-1,1]", root.GetProperty("plan_args").GetProperty("args").GetRawText());
        Assert.Equal(3, root.GetProperty("num_points").GetInt32());
        Assert.Equal("lysozyme", root.GetProperty("sample").GetString());
    }

    private sealed class UnhintedMovable(string name) : IMovable, IHasName
    {
        public string Name => name;

        public Status Set(object? value) => Status.CompletedFor(this);
    }
}
