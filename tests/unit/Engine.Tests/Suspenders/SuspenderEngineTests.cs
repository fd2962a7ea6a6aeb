using Hyperion.Engine.Simulation;
using Hyperion.Engine.Suspenders;
using Hyperion.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.Engine.Tests.Suspenders;

/// <summary>Ports of bluesky's test_suspenders.py behaviours, run on a real RunEngine.</summary>
public class SuspenderEngineTests
{
    private static Msg Null(string tag) => new("null", null, tag);

    private static Msg WaitFor(Task task) => new("wait_for", null, new List<Task> { task });

    private static bool IsWaitOn(Msg msg, Task task) =>
        msg.Command == "wait_for" && msg.Args[0] is IEnumerable<Task> tasks && tasks.Contains(task);

    private static string Describe(Msg msg) => msg.Command + (msg.Args.Count > 0 && msg.Args[0] is string tag ? ":" + tag : string.Empty);

    [Fact]
    public async Task Floor_suspender_trips_below_threshold_and_resumes_after_delay()
    {
        var time = new FakeTimeProvider();
        using var engine = new RunEngine(new RunEngineOptions { TimeProvider = time });
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var ring = new SynSignal("ring_current", 10.0);
        var suspender = new SuspendFloor(
            ring, 5, resumeThreshold: 8, sleep: TimeSpan.FromSeconds(2),
            prePlan: () => Plan.From(Null("pre")), postPlan: () => Plan.From(Null("post")));
        engine.InstallSuspender(suspender);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = engine.RunAsync(Plan.From(Null("before"), new Msg("checkpoint"), Null("after"), WaitFor(gate.Task), Null("end")));
        await recorder.WhenSeen(m => IsWaitOn(m, gate.Task));

        ring.Put(1.0);
        var (release, justification) = suspender.GetTripState();
        Assert.NotNull(release);
        Assert.Equal("Signal ring_current = 1 fell below 5 and has not yet crossed above 8.", justification);
        await recorder.WhenSeen(m => IsWaitOn(m, release));

        // Between the thresholds is not good enough to resume, however long it lasts.
        ring.Put(6.0);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(release.IsCompleted);

        gate.SetResult();
        ring.Put(9.0);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(release.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(release.IsCompleted);

        var result = await run.WaitAsync(MsgRecorder.Timeout);
        Assert.Equal("success", result.ExitStatus);
        Assert.Equal(
            [
                "null:before", "checkpoint", "null:after", "wait_for",
                "_start_suspender", "rewindable", "null:pre", "wait_for", "_resume_from_suspender", "null:post", "rewindable",
                "null:after", "wait_for", "null:end",
            ],
            recorder.Messages.Select(Describe));
        Assert.False(suspender.Tripped);
        Assert.Equal((null, null), suspender.GetTripState());
    }

    [Fact]
    public async Task Resume_delay_restarts_when_the_signal_goes_bad_again_during_it()
    {
        var time = new FakeTimeProvider();
        using var engine = new RunEngine(new RunEngineOptions { TimeProvider = time });
        var beam = new SynSignal("beam_ok", true);
        var suspender = new SuspendBoolLow(beam, sleep: TimeSpan.FromSeconds(2));
        engine.InstallSuspender(suspender);
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = engine.RunAsync(Plan.From(new Msg("checkpoint"), WaitFor(gate.Task)));
        await recorder.WhenSeen(m => IsWaitOn(m, gate.Task));
        beam.Put(false);
        var release = suspender.GetTripState().Resume!;
        await recorder.WhenSeen(m => IsWaitOn(m, release));

        beam.Put(true);
        time.Advance(TimeSpan.FromSeconds(1.5));
        beam.Put(false);
        beam.Put(true);
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(release.IsCompleted);
        Assert.Contains("back to nominal", suspender.GetTripState().Justification, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True(release.IsCompleted);

        gate.SetResult();
        Assert.Equal("success", (await run.WaitAsync(MsgRecorder.Timeout)).ExitStatus);
        Assert.Single(recorder.Commands, c => c == "_start_suspender");
    }

    [Fact]
    public async Task Suspender_tripped_before_the_plan_starts_delays_the_start()
    {
        using var engine = new RunEngine();
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var interlock = new SynSignal("interlock", 1);
        var suspender = new SuspendBoolHigh(interlock);
        engine.InstallSuspender(suspender);
        Assert.True(suspender.Tripped);

        var run = engine.RunAsync(Plan.From(new Msg("checkpoint")));
        await recorder.WhenSeen("wait_for");
        Assert.False(run.IsCompleted);
        Assert.Equal(["wait_for"], recorder.Commands);

        interlock.Put(0);
        Assert.Equal("success", (await run.WaitAsync(MsgRecorder.Timeout)).ExitStatus);
        Assert.Equal(["wait_for", "checkpoint"], recorder.Commands);
    }

    [Fact]
    public async Task Suspending_after_clear_checkpoint_aborts_the_plan()
    {
        using var engine = new RunEngine();
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var stops = new List<RunStop>();
        engine.Subscribe((_, doc) =>
        {
            if (doc is RunStop stop)
            {
                stops.Add(stop);
            }
        });
        var shutter = new SynSignal("shutter_closed", false);
        engine.InstallSuspender(new SuspendBoolHigh(shutter));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("clear_checkpoint"), WaitFor(gate.Task), new Msg("close_run")));
        await recorder.WhenSeen(m => IsWaitOn(m, gate.Task));
        shutter.Put(true);

        var interrupted = await Assert.ThrowsAsync<RunEngineInterrupted>(() => run.WaitAsync(MsgRecorder.Timeout));
        Assert.Equal("abort", interrupted.Result.ExitStatus);
        Assert.Equal("abort", engine.LastResult!.ExitStatus);
        Assert.Equal("abort", Assert.Single(stops).ExitStatus);
        Assert.DoesNotContain("_start_suspender", recorder.Commands);
        Assert.Equal(RunEngineState.Idle, engine.State);
    }

    [Fact]
    public async Task Suspension_waits_for_the_resume_delay_on_the_real_clock()
    {
        using var engine = new RunEngine();
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var ring = new SynSignal("ring_current", 300.0);
        var delay = TimeSpan.FromMilliseconds(200);
        var suspender = new SuspendCeil(ring, 350, sleep: delay);
        engine.InstallSuspender(suspender);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = engine.RunAsync(Plan.From(new Msg("checkpoint"), WaitFor(gate.Task)));
        await recorder.WhenSeen(m => IsWaitOn(m, gate.Task));
        ring.Put(400.0);
        await recorder.WhenSeen("_start_suspender");
        gate.SetResult();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        ring.Put(300.0);
        await recorder.WhenSeen("_resume_from_suspender");
        Assert.True(clock.Elapsed >= delay - TimeSpan.FromMilliseconds(20), $"resumed after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal("success", (await run.WaitAsync(MsgRecorder.Timeout)).ExitStatus);
    }

    [Fact]
    public async Task Suspenders_install_and_remove_through_plan_messages()
    {
        using var engine = new RunEngine();
        var suspender = new SuspendBoolHigh(new SynSignal("fault", false));

        await engine.RunAsync(Plan.From(new Msg("install_suspender", null, suspender)));
        Assert.Contains(suspender, engine.Suspenders);
        Assert.Same(engine, suspender.Engine);

        await engine.RunAsync(Plan.From(new Msg("remove_suspender", null, suspender)));
        Assert.DoesNotContain(suspender, engine.Suspenders);
        Assert.Null(suspender.Engine);

        engine.InstallSuspender(suspender);
        engine.ClearSuspenders();
        Assert.Empty(engine.Suspenders);
        Assert.Null(suspender.Engine);
    }

    [Fact]
    public async Task Removing_a_suspender_releases_the_suspension_it_holds()
    {
        using var engine = new RunEngine();
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var fault = new SynSignal("fault", false);
        var suspender = new SuspendBoolHigh(fault);
        engine.InstallSuspender(suspender);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = engine.RunAsync(Plan.From(new Msg("checkpoint"), WaitFor(gate.Task)));
        await recorder.WhenSeen(m => IsWaitOn(m, gate.Task));
        fault.Put(true);
        await recorder.WhenSeen("_start_suspender");
        await recorder.WhenSeen("wait_for", occurrence: 2);
        gate.SetResult();

        engine.RemoveSuspender(suspender);
        Assert.Equal("success", (await run.WaitAsync(MsgRecorder.Timeout)).ExitStatus);
        Assert.False(suspender.Tripped);
    }

    [Fact]
    public async Task Pause_requested_while_suspended_pauses_and_resume_waits_for_the_suspender_again()
    {
        using var engine = new RunEngine();
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var interlock = new SynSignal("interlock", 1);
        engine.InstallSuspender(new SuspendBoolHigh(interlock));

        var run = engine.RunAsync(Plan.From(new Msg("checkpoint")));
        await recorder.WhenSeen("wait_for");
        engine.RequestPause();
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => run.WaitAsync(MsgRecorder.Timeout));
        Assert.Equal(RunEngineState.Paused, engine.State);
        Assert.Equal(["wait_for"], recorder.Commands);

        interlock.Put(0);
        Assert.Equal("success", (await engine.ResumeAsync().WaitAsync(MsgRecorder.Timeout)).ExitStatus);
        Assert.Equal(["wait_for", "wait_for", "checkpoint"], recorder.Commands);
    }

    [Fact]
    public async Task Deferred_pause_requested_while_suspended_pauses_at_the_next_checkpoint()
    {
        using var engine = new RunEngine();
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var interlock = new SynSignal("interlock", 1);
        engine.InstallSuspender(new SuspendBoolHigh(interlock));

        var run = engine.RunAsync(Plan.From(new Msg("checkpoint"), new Msg("null")));
        await recorder.WhenSeen("wait_for");
        engine.RequestPause(defer: true);
        interlock.Put(0);
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => run.WaitAsync(MsgRecorder.Timeout));
        Assert.Equal(["wait_for", "checkpoint"], recorder.Commands);

        Assert.Equal("success", (await engine.ResumeAsync().WaitAsync(MsgRecorder.Timeout)).ExitStatus);
        Assert.Equal(["wait_for", "checkpoint", "null"], recorder.Commands);
    }

    [Fact]
    public async Task Suspension_interrupts_a_sleep_which_is_replayed_after_the_resume()
    {
        using var engine = new RunEngine();
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var fault = new SynSignal("fault", 0);
        engine.InstallSuspender(new SuspendBoolHigh(fault, prePlan: () => Plan.From(Null("pre")), postPlan: () => Plan.From(Null("post"))));

        var run = engine.RunAsync(Plan.From(new Msg("checkpoint"), new Msg("sleep", null, 0.3)));
        await recorder.WhenSeen("sleep");
        fault.Put(1);
        await recorder.WhenSeen("wait_for");
        fault.Put(0);

        Assert.Equal("success", (await run.WaitAsync(MsgRecorder.Timeout)).ExitStatus);
        Assert.Equal(
            ["checkpoint", "sleep", "_start_suspender", "rewindable", "null:pre", "wait_for", "_resume_from_suspender", "null:post", "rewindable", "sleep"],
            recorder.Messages.Select(Describe));
    }

    [Fact]
    public async Task Suspender_installed_by_a_plan_while_its_signal_is_bad_suspends_at_once()
    {
        using var engine = new RunEngine();
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var fault = new SynSignal("fault", 1);
        var suspender = new SuspendBoolHigh(fault);

        var run = engine.RunAsync(Plan.From(new Msg("checkpoint"), new Msg("install_suspender", null, suspender), Null("end")));
        await recorder.WhenSeen("wait_for");
        Assert.False(run.IsCompleted);
        fault.Put(0);

        Assert.Equal("success", (await run.WaitAsync(MsgRecorder.Timeout)).ExitStatus);
        Assert.Equal(
            ["checkpoint", "install_suspender", "_start_suspender", "rewindable", "wait_for", "_resume_from_suspender", "rewindable", "null:end"],
            recorder.Messages.Select(Describe));
    }

    [Fact]
    public async Task Plan_start_waits_for_every_tripped_suspender()
    {
        using var engine = new RunEngine();
        var recorder = new MsgRecorder();
        engine.MsgHook = recorder.Record;
        var ring = new SynSignal("ring_current", 0.0);
        var shutter = new SynSignal("shutter_open", false);
        engine.InstallSuspender(new SuspendFloor(ring, 100));
        engine.InstallSuspender(new SuspendBoolLow(shutter));

        var run = engine.RunAsync(Plan.From(Null("scan")));
        await recorder.WhenSeen("wait_for");
        ring.Put(300.0);
        Assert.False(run.IsCompleted);
        shutter.Put(true);

        Assert.Equal("success", (await run.WaitAsync(MsgRecorder.Timeout)).ExitStatus);
        Assert.Equal(["wait_for", "null:scan"], recorder.Messages.Select(Describe));
    }
}
