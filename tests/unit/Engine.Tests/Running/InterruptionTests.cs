using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using Hyperion.Engine.Tests.Support;

namespace Hyperion.Engine.Tests.Running;

public class InterruptionTests
{
    private static async Plan CleanedUp(RecordingDevice motor, List<string> trace)
    {
        await Preprocessors.Finalize(
            Body(),
            () => Cleanup());

        async Plan Body()
        {
            await Stubs.OpenRun();
            await new Msg("set", motor, 1.0);
            await Stubs.Checkpoint();
            await Stubs.Pause();
            trace.Add("after pause");
            await Stubs.CloseRun();
        }

        async Plan Cleanup()
        {
            trace.Add("cleanup");
            await new Msg("null");
        }
    }

    public static TheoryData<string, string> Interrupts => new()
    {
        { "stop", "success" },
        { "abort", "abort" },
        { "halt", "abort" },
    };

    [Theory]
    [MemberData(nameof(Interrupts))]
    public async Task Interrupting_a_paused_plan_cleans_up_and_sets_exit_status(string how, string exitStatus)
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var motor = new RecordingDevice("motor");
        var trace = new List<string>();
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(CleanedUp(motor, trace), [docs.Add]));
        var result = how switch
        {
            "stop" => await engine.StopAsync(),
            "abort" => await engine.AbortAsync("operator said so"),
            _ => await engine.HaltAsync(),
        };

        Assert.Equal(exitStatus, result.ExitStatus);
        Assert.True(result.Interrupted);
        Assert.Equal(RunEngineState.Idle, engine.State);
        var stop = docs.Of<RunStop>().Single();
        Assert.Equal(exitStatus, stop.ExitStatus);
        Assert.DoesNotContain("after pause", trace);
        // Halt gives the plan no chance to clean up; stop and abort run its finalizer.
        Assert.Equal(how == "halt" ? [] : ["cleanup"], trace);
        // The RunEngine's own cleanup stops everything it moved, whatever the interrupt.
        Assert.Contains("stop success=True", motor.Calls);
        if (how == "abort")
        {
            Assert.Equal("operator said so", stop.Reason);
            Assert.Equal("operator said so", result.Reason);
        }
    }

    [Theory]
    [MemberData(nameof(Interrupts))]
    public async Task Interrupting_a_running_plan_from_another_thread_ends_it_promptly(string how, string exitStatus)
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var sleeping = Await.MessageAsync(engine, "sleep");
        var run = Task.Run(() => engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("sleep", null, 60.0), new Msg("close_run")), [docs.Add]));
        await sleeping;
        var result = how switch
        {
            "stop" => await engine.StopAsync(),
            "abort" => await engine.AbortAsync(),
            _ => await engine.HaltAsync(),
        };

        var interrupted = await Assert.ThrowsAsync<RunEngineInterrupted>(() => run);
        Assert.Equal(exitStatus, result.ExitStatus);
        Assert.Equal(exitStatus, interrupted.Result.ExitStatus);
        Assert.Equal(exitStatus, docs.Of<RunStop>().Single().ExitStatus);
        Assert.Equal(RunEngineState.Idle, engine.State);
    }

    [Fact]
    public async Task Cleanup_stops_movables_unstages_and_closes_runs_after_a_failure()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var motor = new RecordingDevice("motor");
        var det = new RecordingDevice("det");

        async Plan Failing()
        {
            await Stubs.OpenRun();
            await Stubs.Stage(det);
            await Stubs.Mv(motor, 3.0);
            throw new InvalidOperationException("beam dump");
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RunAsync(Failing(), [docs.Add]));
        Assert.Equal(["stage", "unstage"], det.Calls);
        Assert.Equal(["set 3", "stop success=True"], motor.Calls);
        Assert.Equal("fail", docs.Of<RunStop>().Single().ExitStatus);
        Assert.Equal("beam dump", docs.Of<RunStop>().Single().Reason);
    }

    [Fact]
    public async Task Errors_while_stopping_and_unstaging_are_logged_and_do_not_stop_cleanup()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var motor = new RecordingDevice("motor") { StopError = new IOException("stop failed") };
        var det = new RecordingDevice("det") { UnstageError = new IOException("unstage failed") };
        var result = await engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("stage", det), new Msg("set", motor, 1.0)), [docs.Add]);
        Assert.Equal("success", result.ExitStatus);
        Assert.Contains("stop success=True", motor.Calls);
        Assert.Contains("unstage", det.Calls);
        Assert.Single(docs.Of<RunStop>());
    }

    [Fact]
    public async Task Stop_lets_the_plan_catch_and_run_more_messages()
    {
        using var engine = new RunEngine();
        var trace = new List<string>();

        async Plan Catches()
        {
            try
            {
                await Stubs.Checkpoint();
                await Stubs.Pause();
            }
            catch (RequestStop)
            {
                trace.Add("caught stop");
                await Stubs.Null();
                throw;
            }
        }

        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Catches()));
        var result = await engine.StopAsync();
        Assert.Equal(["caught stop"], trace);
        Assert.Equal("success", result.ExitStatus);
    }

    [Fact]
    public async Task Cancelling_the_run_aborts_it()
    {
        using var engine = new RunEngine();
        using var cts = new CancellationTokenSource();
        var docs = new DocumentLog();
        var sleeping = Await.MessageAsync(engine, "sleep");
        var run = Task.Run(() => engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("sleep", null, 60.0)), [docs.Add], cancellationToken: cts.Token));
        await sleeping;
        await cts.CancelAsync();
        var interrupted = await Assert.ThrowsAsync<RunEngineInterrupted>(() => run);
        Assert.Equal("abort", interrupted.Result.ExitStatus);
        await Await.StateAsync(engine, RunEngineState.Idle);
        Assert.Equal("cancelled by the caller", docs.Of<RunStop>().Single().Reason);
    }

    [Fact]
    public async Task Halt_closes_the_plan_without_processing_its_cleanup_messages()
    {
        using var engine = new RunEngine();
        var processed = new List<string>();
        engine.MsgHook = m => processed.Add(m.Command);
        var closedFinally = false;

        async Plan WithFinally()
        {
            try
            {
                await Stubs.Checkpoint();
                await Stubs.Pause();
            }
            finally
            {
                closedFinally = true;
                await new Msg("cleanup_never_processed");
            }
        }

        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(WithFinally()));
        await engine.HaltAsync();
        Assert.True(closedFinally);
        Assert.DoesNotContain("cleanup_never_processed", processed);
    }

    [Fact]
    public async Task A_new_plan_runs_cleanly_after_an_abort()
    {
        using var engine = new RunEngine();
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("pause"))));
        await engine.AbortAsync();
        var docs = new DocumentLog();
        var result = await engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("close_run")), [docs.Add]);
        Assert.Equal("success", result.ExitStatus);
        Assert.Equal([DocumentName.Start, DocumentName.Stop], docs.Names);
    }

    [Fact]
    public async Task Temporary_subscriptions_last_for_one_call()
    {
        using var engine = new RunEngine();
        var first = new DocumentLog();
        await engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("close_run")), [first.Add]);
        await engine.RunAsync(Plan.From(new Msg("open_run"), new Msg("close_run")));
        Assert.Equal(2, first.All.Count);
        Assert.Equal(0, engine.Dispatcher.Count);
    }

    [Fact]
    public async Task Monitor_emits_events_on_change_and_stops_at_close()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var signal = new SynSignal("current", 300.0);
        engine.RegisterCommand("change", (m, ct) =>
        {
            signal.Put(m.Args[0]);
            return new ValueTask<object?>((object?)null);
        });
        await engine.RunAsync(
            Plan.From(new Msg("open_run"), new Msg("monitor", signal), new Msg("change", null, 299.0), new Msg("close_run"), new Msg("change", null, 1.0)),
            [docs.Add]);
        var descriptor = docs.Of<EventDescriptor>().Single();
        Assert.StartsWith("monitor", descriptor.Name, StringComparison.Ordinal);
        Assert.Equal([300.0, 299.0], docs.Of<Event>().Select(e => (double)e.Data["current"]!));
    }

    [Fact]
    public async Task A_lone_flyer_is_collected_into_a_stream_named_after_it_without_declaring_one()
    {
        using var engine = new RunEngine();
        var docs = new DocumentLog();
        var flyer = new SynFlyer("flyer", points: 3);
        var result = await engine.RunAsync(Hyperion.Engine.PlanLibrary.Plans.Fly([flyer]), [docs.Add]);
        Assert.Equal("success", result.ExitStatus);
        Assert.Equal("flyer", docs.Of<EventDescriptor>().Single().Name);
        var page = docs.Of<EventPage>().Single();
        Assert.Equal([1, 2, 3], page.SeqNum);
        Assert.Equal(3, docs.Of<RunStop>().Single().NumEvents["flyer"]);
    }
}
