using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using Hyperion.Engine.Tests.Support;

namespace Hyperion.Engine.Tests.Running;

public class PauseResumeTests
{
    private static Msg Null() => new("null");

    [Fact]
    public async Task Pause_then_resume_replays_messages_since_start_when_there_is_no_checkpoint()
    {
        using var engine = new RunEngine();
        var seen = new List<Msg>();
        engine.MsgHook = seen.Add;
        Msg[] plan = [Null(), Null(), Null(), new Msg("pause"), new Msg("rewindable", null, false), Null(), Null(), Null()];
        var interrupted = await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(plan)));
        Assert.True(interrupted.Result.Interrupted);
        Assert.Equal(RunEngineState.Paused, engine.State);
        await engine.ResumeAsync();
        Assert.Equal(plan[..4], seen[..4]);
        Assert.Equal(plan[..3], seen[4..7]);
        Assert.Equal(plan[4..], seen[7..]);
    }

    [Fact]
    public async Task Pause_with_rewinding_disabled_replays_nothing()
    {
        using var engine = new RunEngine { Rewindable = false };
        var seen = new List<Msg>();
        engine.MsgHook = seen.Add;
        Msg[] plan = [Null(), Null(), Null(), new Msg("pause"), Null(), Null(), Null()];
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(plan)));
        await engine.ResumeAsync();
        Assert.Equal(plan, seen);
    }

    private static async Plan<string?> OneEventThenPause(IReadable det)
    {
        var uid = await Stubs.OpenRun();
        await Stubs.Checkpoint();
        await Stubs.TriggerAndRead([det]);
        await Stubs.Pause();
        await Stubs.TriggerAndRead([det]);
        await Stubs.CloseRun();
        return uid;
    }

    [Fact]
    public async Task Pause_at_checkpoint_rewinds_to_last_checkpoint_and_rolls_back_seq_num()
    {
        using var engine = new RunEngine();
        var commands = new List<string>();
        engine.MsgHook = m => commands.Add(m.Command);
        var docs = new DocumentLog();
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(OneEventThenPause(new SynGauss("det")), [docs.Add]));
        var result = await engine.ResumeAsync();

        Assert.Equal([1, 1, 2], docs.Of<Event>().Select(e => e.SeqNum));
        Assert.Equal(
            [DocumentName.Start, DocumentName.Descriptor, DocumentName.Event, DocumentName.Event, DocumentName.Event, DocumentName.Stop],
            docs.Names);
        Assert.Equal(
            [
                "open_run", "checkpoint", "trigger", "wait", "create", "read", "save", "pause",
                "trigger", "wait", "create", "read", "save",
                "trigger", "wait", "create", "read", "save", "close_run",
            ],
            commands);
        Assert.Equal(2, docs.Of<RunStop>().Single().NumEvents["primary"]);
        Assert.Equal(docs.Of<RunStart>().Single().Uid, result.PlanResult);
    }

    [Fact]
    public async Task Sequence_numbers_roll_back_per_stream()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var det = new SynGauss("det");

        async Plan TwoStreams()
        {
            await Stubs.OpenRun();
            await Stubs.TriggerAndRead([det], "baseline");
            await Stubs.Checkpoint();
            await Stubs.TriggerAndRead([det], "primary");
            await Stubs.TriggerAndRead([det], "baseline");
            await Stubs.Pause();
            await Stubs.CloseRun();
        }

        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(TwoStreams(), [docs.Add]));
        await engine.ResumeAsync();
        var descriptors = docs.Of<EventDescriptor>().ToDictionary(d => d.Uid, d => d.Name);
        var seqByStream = docs.Of<Event>().Select(e => $"{descriptors[e.Descriptor]}:{e.SeqNum}").ToList();
        Assert.Equal(["baseline:1", "primary:1", "baseline:2", "primary:1", "baseline:2"], seqByStream);
        var stop = docs.Of<RunStop>().Single();
        Assert.Equal(1, stop.NumEvents["primary"]);
        Assert.Equal(2, stop.NumEvents["baseline"]);
    }

    [Fact]
    public async Task Deferred_pause_waits_for_the_next_checkpoint()
    {
        using var engine = new RunEngine();
        var seen = new List<string>();
        engine.MsgHook = m => seen.Add(m.Command);
        var plan = Plan.From(new Msg("pause", null, true), Null(), Null(), new Msg("checkpoint"), new Msg("sleep", null, 0.0), Null());
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(plan));
        Assert.Equal(["pause", "null", "null", "checkpoint"], seen);
        Assert.False(engine.DeferredPauseRequested);
        await engine.ResumeAsync();
        Assert.Equal(["pause", "null", "null", "checkpoint", "sleep", "null"], seen);
    }

    [Fact]
    public async Task Deferred_pause_requested_past_the_last_checkpoint_lets_the_plan_finish()
    {
        using var engine = new RunEngine();
        var plan = Plan.From(new Msg("checkpoint"), new Msg("pause", null, true), Null(), Null());
        var result = await engine.RunAsync(plan);
        Assert.Equal("success", result.ExitStatus);
        Assert.True(engine.DeferredPauseRequested);
    }

    [Fact]
    public async Task Pause_after_clear_checkpoint_aborts_with_failed_pause()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var plan = Plan.From(new Msg("open_run"), new Msg("clear_checkpoint"), new Msg("pause"), Null(), new Msg("close_run"));
        var interrupted = await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(plan, [docs.Add]));
        Assert.Equal("abort", interrupted.Result.ExitStatus);
        Assert.Equal(RunEngineState.Idle, engine.State);
        Assert.Equal("abort", docs.Of<RunStop>().Single().ExitStatus);
    }

    [Fact]
    public async Task Pausable_devices_are_told_of_pause_and_resume()
    {
        using var engine = new RunEngine();
        var device = new RecordingDevice("dummy");
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(new Msg("stage", device), new Msg("pause"))));
        Assert.Contains("pause", device.Calls);
        await engine.ResumeAsync();
        Assert.Contains("resume", device.Calls);
    }

    [Fact]
    public async Task Pause_stops_touched_movables()
    {
        using var engine = new RunEngine();
        var motor = new RecordingDevice("motor");
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(new Msg("set", motor, 1.0), new Msg("pause"))));
        Assert.Contains("stop success=True", motor.Calls);
        await engine.StopAsync();
    }

    [Fact]
    public async Task Interruptions_are_recorded_as_events_when_enabled()
    {
        using var engine = new RunEngine(new RunEngineOptions { RecordInterruptions = true });
        var docs = new DocumentLog();
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("pause"), new Msg("close_run")), [docs.Add]));
        await engine.ResumeAsync();
        var descriptor = docs.Of<EventDescriptor>().Single();
        Assert.Equal("interruptions", descriptor.Name);
        Assert.Equal(["pause", "resume"], docs.Of<Event>().Select(e => e.Data["interruption"]));
        Assert.Equal(2, docs.Of<RunStop>().Single().NumEvents["interruptions"]);
    }

    [Fact]
    public async Task Pause_requested_from_another_thread_interrupts_a_sleep_and_resume_finishes_it()
    {
        using var engine = new RunEngine();
        var sleeping = Await.MessageAsync(engine, "sleep");
        var run = Task.Run(() => engine.RunAsync(Plan.From(new Msg("checkpoint"), new Msg("sleep", null, 30.0), Null())));
        await sleeping;
        engine.RequestPause();
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => run);
        Assert.Equal(RunEngineState.Paused, engine.State);

        engine.RegisterCommand("sleep", (m, ct) => new ValueTask<object?>((object?)null));
        var result = await engine.ResumeAsync();
        Assert.Equal("success", result.ExitStatus);
    }

    [Fact]
    public async Task Plan_return_value_survives_pause_and_resume()
    {
        using var engine = new RunEngine();

        static async Plan<int> Pausing()
        {
            await Stubs.Pause();
            return 7;
        }

        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Pausing()));
        var result = await engine.ResumeAsync();
        Assert.Equal(7, result.PlanResult);
    }
}
