using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using static Hyperion.Engine.Tests.PlanLibrary.PlanTestKit;
using Bp = Hyperion.Engine.PlanLibrary.Plans;

namespace Hyperion.Engine.Tests.PlanLibrary;

public class CountTests
{
    private static Dictionary<string, object?> Kw(params (string Key, object? Value)[] pairs) => Md(pairs);

    [Fact]
    public void Count_stages_opens_a_run_and_takes_one_checkpointed_reading()
    {
        var det = new SynGauss("det");
        var messages = Bp.Count([det]).ToMessageList().WithoutGroups();
        Assert.Equal(
            [
                new Msg("stage", det),
                messages[1],
                new Msg("checkpoint"),
                new Msg("checkpoint"),
                new Msg("trigger", det),
                new Msg("wait"),
                new Msg("create", null, [], Kw(("name", "primary"))),
                new Msg("read", det),
                new Msg("save"),
                new Msg("close_run"),
                new Msg("unstage", det),
            ],
            messages);
        Assert.Equal("open_run", messages[1].Command);
    }

    [Fact]
    public async Task Count_start_document_carries_blueskys_metadata()
    {
        var det = new SynGauss("det");
        var record = await RunAsync(Bp.Count([det], num: 3));
        var start = record.Start;
        Assert.Equal("count", start.PlanName);
        Assert.Equal(["det"], (List<string>)start.Metadata["detectors"]!);
        Assert.Equal(3, start.Metadata["num_points"]);
        Assert.Equal(2, start.Metadata["num_intervals"]);
        var planArgs = (Dictionary<string, object?>)start.Metadata["plan_args"]!;
        Assert.Equal(["det"], (List<string>)planArgs["detectors"]!);
        Assert.Equal(3, planArgs["num"]);
        Assert.Equal(0.0, planArgs["delay"]);
        var dimension = Assert.Single(((Hints)start.Metadata["hints"]!).Dimensions!);
        Assert.Equal(["time"], dimension.Fields);
        Assert.Equal("primary", dimension.Stream);
        Assert.Equal([1.0, 1.0, 1.0], record.Column("det"));
        Assert.Equal("success", record.Stop.ExitStatus);
        Assert.Equal(record.Result!.PlanResult, start.Uid);
    }

    [Fact]
    public async Task Count_metadata_from_the_caller_wins_but_keeps_default_dimensions()
    {
        var det = new SynGauss("det");
        var hints = new Hints { Gridding = "custom" };
        var record = await RunAsync(Bp.Count([det], md: Md(("plan_name", "my_count"), ("color", "red"), ("hints", hints))));
        Assert.Equal("my_count", record.Start.PlanName);
        Assert.Equal("red", record.Start.Metadata["color"]);
        var merged = (Hints)record.Start.Metadata["hints"]!;
        Assert.Equal("custom", merged.Gridding);
        Assert.Equal(["time"], Assert.Single(merged.Dimensions!).Fields);
        Assert.Null(hints.Dimensions);
    }

    [Fact]
    public void Count_keeps_dimensions_the_caller_gives_in_a_hints_dictionary()
    {
        var det = new SynGauss("det");
        var own = new List<HintDimension> { new(["det"], "primary") };
        var plan = Bp.Count([det], md: Md(("hints", Md(("dimensions", own)))));
        var open = plan.ToMessageList().Single(m => m.Command == "open_run");
        var hints = (Dictionary<string, object?>)open.Kwargs["hints"]!;
        Assert.Same(own, hints["dimensions"]);
    }

    [Fact]
    public void Count_with_a_scalar_delay_sleeps_after_every_reading_as_bluesky_does()
    {
        // bluesky repeats a scalar delay for ever, so it also sleeps after the last reading.
        var clock = new FrozenClock();
        var messages = Bp.Count([new SynGauss("det")], 3, 1.5, time: clock).ToMessageList();
        Assert.Equal([1.5, 1.5, 1.5], messages.Where(m => m.Command == "sleep").Select(m => (double)m.Args[0]!));
        Assert.Equal("sleep", messages[^3].Command);
    }

    [Fact]
    public void Count_sleeps_only_for_the_part_of_the_delay_the_reading_did_not_use()
    {
        var clock = new FrozenClock();
        Plan Shot(IReadOnlyList<IReadable> dets)
        {
            clock.Advance(TimeSpan.FromSeconds(0.5));
            return Stubs.TriggerAndRead(dets);
        }

        var messages = Bp.Count([new SynGauss("det")], 2, 2.0, Shot, time: clock).ToMessageList();
        Assert.Equal([1.5, 1.5], messages.Where(m => m.Command == "sleep").Select(m => (double)m.Args[0]!));
    }

    [Fact]
    public void Count_with_a_list_of_delays_stops_when_they_run_out()
    {
        // bluesky's test_count_delay_argument.
        var det = new SynGauss("det");
        double[] delays = [1, 2, 4, 8, 16];
        Assert.Throws<ArgumentException>(() => Bp.Count([det], 7, delays));
        int Reads(int? num) => Bp.Count([det], num, delays, time: new FrozenClock()).ToMessageList().Count(m => m.Command == "read");
        Assert.Equal(6, Reads(6));
        Assert.Equal(5, Reads(5));
        Assert.Equal(4, Reads(4));
        Assert.Equal(6, Reads(null));
    }

    [Fact]
    public void Count_with_num_minus_one_delays_sleeps_between_readings_only()
    {
        var messages = Bp.Count([new SynGauss("det")], 3, [1.0, 2.0], time: new FrozenClock()).ToMessageList();
        Assert.Equal([1.0, 2.0], messages.Where(m => m.Command == "sleep").Select(m => (double)m.Args[0]!));
        var planArgs = (Dictionary<string, object?>)messages.Single(m => m.Command == "open_run").Kwargs["plan_args"]!;
        Assert.Equal([1.0, 2.0], (List<double>)planArgs["delay"]!);
    }

    [Fact]
    public void Count_with_no_num_reads_until_stopped_and_has_no_num_points()
    {
        var plan = Bp.Count([new SynGauss("det")], num: null);
        var messages = new List<Msg>();
        for (var msg = plan.Send(); messages.Count < 200; msg = plan.Send())
        {
            messages.Add(msg!);
        }

        Assert.True(messages.Count(m => m.Command == "read") > 20);
        Assert.DoesNotContain(messages, m => m.Command == "close_run");
        var open = messages.Single(m => m.Command == "open_run");
        Assert.Null(open.Kwargs["num_points"]);
        Assert.Null(open.Kwargs["num_intervals"]);
    }

    [Fact]
    public void Count_uses_the_per_shot_hook()
    {
        var det = new SynGauss("det");
        var messages = Bp.Count([det], 2, perShot: dets => Stubs.TriggerAndRead(dets, "secondary")).ToMessageList();
        Assert.Equal(2, messages.Count(m => m.Command == "create" && (string?)m.Kwargs["name"] == "secondary"));
        Assert.Equal(2, messages.Count(m => m.Command == "checkpoint"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Count_rejects_fewer_than_one_reading(int num)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Bp.Count([new SynGauss("det")], num));
        Assert.Equal("num", error.ParamName);
    }

    [Fact]
    public void Count_rejects_a_null_detector_and_a_non_finite_delay()
    {
        Assert.Equal("detectors", Assert.Throws<ArgumentException>(() => Bp.Count([null!])).ParamName);
        Assert.Equal("detectors", Assert.Throws<ArgumentNullException>(() => Bp.Count(null!)).ParamName);
        Assert.Equal("delay", Assert.Throws<ArgumentOutOfRangeException>(() => Bp.Count([new SynGauss("det")], 2, double.NaN)).ParamName);
    }

    [Fact]
    public void Count_with_a_bad_hints_value_names_the_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => Bp.Count([new SynGauss("det")], md: Md(("hints", 5))));
        Assert.Contains("hints", error.Message, StringComparison.Ordinal);
    }
}
