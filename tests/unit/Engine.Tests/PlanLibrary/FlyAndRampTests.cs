using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using static Hyperion.Engine.Tests.PlanLibrary.PlanTestKit;
using Bp = Hyperion.Engine.PlanLibrary.Plans;

namespace Hyperion.Engine.Tests.PlanLibrary;

public class FlyAndRampTests
{
    [Fact]
    public void Fly_kicks_off_completes_and_collects_each_flyer_inside_a_run()
    {
        var a = new SynFlyer("a");
        var b = new SynFlyer("b");
        var messages = Bp.Fly([a, b]).ToMessageList();
        Assert.Equal(
            [
                ("open_run", null), ("kickoff", a), ("wait", null), ("kickoff", b), ("wait", null),
                ("complete", a), ("wait", null), ("complete", b), ("wait", null),
                ("collect", a), ("collect", b), ("close_run", null),
            ],
            messages.Select(m => (m.Command, (SynFlyer?)m.Obj)));
        Assert.Equal("fly", messages[0].Kwargs["plan_name"]);
        Assert.All(messages.Where(m => m.Command is "kickoff" or "complete" or "wait"), m => Assert.Null(m.Kwargs["group"]));
        Assert.Equal(true, messages[^2].Kwargs["return_payload"]);
    }

    [Fact]
    public async Task Fly_collects_the_flyers_points_into_its_declared_stream()
    {
        // A singly nested flyer needs its stream declared (as in bluesky); a mutator adds it after open_run.
        var flyer = new SynFlyer("flyer", points: 4);
        var plan = Preprocessors.PlanMutator(
            Bp.Fly([flyer], Md(("sample", "thaumatin"))),
            msg => msg.Command == "open_run" ? (Plan.From(msg), Stubs.DeclareStream([flyer], "flyer_stream", collect: true)) : (null, null));
        var record = await RunAsync(plan);
        Assert.Null(record.Error);
        Assert.Equal("fly", record.Start.PlanName);
        Assert.Equal("thaumatin", record.Start.Metadata["sample"]);
        Assert.Equal(4, record.Stop.NumEvents["flyer_stream"]);
        Assert.Equal(record.Start.Uid, record.Result!.PlanResult);
    }

    private sealed class KickoffOnly(string name) : IFlyable
    {
        public string Name => name;

        public Status Kickoff() => Status.CompletedFor(this);

        public Status Complete() => Status.CompletedFor(this);
    }

    [Fact]
    public void Fly_rejects_a_flyer_that_cannot_be_collected()
    {
        var error = Assert.Throws<ArgumentException>(() => Bp.Fly([new KickoffOnly("shutter")]));
        Assert.Equal("flyers", error.ParamName);
        Assert.Contains("shutter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ramp_plan_monitors_takes_data_around_the_ramp_and_closes_the_run()
    {
        var sig = new SynSignal("temperature");
        var motor = new SynAxis("heater");
        var det = new SynGauss("det");
        var messages = Bp.RampPlan(Stubs.AbsSet(motor, 10.0), sig, () => Stubs.TriggerAndRead([det])).ToMessageList();

        // Under a simulator the ramp's status is null, so it counts as done at once.
        Assert.Equal(
            [
                "open_run", "monitor", "trigger", "wait", "create", "read", "save", "set",
                "trigger", "wait", "create", "read", "save", "unmonitor", "close_run",
            ],
            messages.Commands());
        Assert.Equal("ramp_plan", messages[0].Kwargs["plan_name"]);
        Assert.Equal("temperature_monitor", messages[1].Kwargs["name"]);
    }

    [Fact]
    public async Task Ramp_plan_takes_points_until_the_ramp_is_done()
    {
        var sig = new SynSignal("temperature", 20.0);
        var det = new SynGauss("det");
        var ramp = new TaskCompletionSource();
        var points = 0;
        Plan Point()
        {
            // The ramp finishes during the third point.
            if (++points == 3)
            {
                ramp.SetResult();
            }

            return Stubs.TriggerAndRead([det]);
        }

        async Plan<Status?> Go()
        {
            await Stubs.Null();
            return new Status(ramp.Task);
        }

        var record = await RunAsync(Bp.RampPlan(Go(), sig, Point));
        Assert.Null(record.Error);
        Assert.Equal(4, record.Events().Count);
        Assert.Equal([20.0], record.Column("temperature", "temperature_monitor"));
        Assert.Equal("ramp_plan", record.Start.PlanName);
    }

    [Fact]
    public async Task Ramp_plan_fails_with_RampFail_once_the_timeout_passes()
    {
        var clock = new FrozenClock();
        var det = new SynGauss("det");
        Plan Point()
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            return Stubs.TriggerAndRead([det]);
        }

        async Plan<Status?> Go()
        {
            await Stubs.Null();
            return new Status(new TaskCompletionSource().Task);
        }

        var record = await RunAsync(Bp.RampPlan(Go(), new SynSignal("temperature"), Point, timeout: 3, time: clock));
        Assert.Equal(3.0, Assert.IsType<RampFail>(record.Error).TimeoutSeconds);
        Assert.Equal(2, record.Events().Count);
        Assert.Equal("fail", record.Stop.ExitStatus);
    }

    [Fact]
    public void Ramp_plan_waits_out_the_rest_of_each_period()
    {
        var clock = new FrozenClock();
        var ramp = new TaskCompletionSource();
        var points = 0;
        Plan Point()
        {
            clock.Advance(TimeSpan.FromSeconds(0.25));
            if (++points == 3)
            {
                ramp.SetResult();
            }

            return Stubs.Null();
        }

        async Plan<Status?> Go()
        {
            await Stubs.Null();
            return new Status(ramp.Task);
        }

        var messages = Bp.RampPlan(Go(), new SynSignal("temperature"), Point, period: 1.0, time: clock).ToMessageList();
        Assert.Equal([0.75, 0.75], messages.Where(m => m.Command == "sleep").Select(m => (double)m.Args[0]!));
    }
}
