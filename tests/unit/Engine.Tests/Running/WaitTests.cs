using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Tests.Support;

namespace Hyperion.Engine.Tests.Running;

public class WaitTests
{
    [Fact]
    public async Task Wait_blocks_until_every_status_in_the_group_finishes()
    {
        using var engine = new RunEngine();
        var a = new RecordingDevice("a", instant: false);
        var b = new RecordingDevice("b", instant: false);
        var waiting = Await.MessageAsync(engine, "wait");
        var run = Task.Run(() => engine.RunAsync(Plan.From(
            new Msg("set", a, 1.0).WithKwarg("group", "g"),
            new Msg("set", b, 2.0).WithKwarg("group", "g"),
            new Msg("wait", null, "g"))));
        await waiting;
        a.Pending.Single().SetResult();
        Assert.False(run.IsCompleted);
        b.Pending.Single().SetResult();
        var result = await run.WaitAsync(Await.Timeout);
        Assert.Equal("success", result.ExitStatus);
    }

    [Fact]
    public async Task A_failed_status_fails_the_wait_with_FailedStatus_naming_the_device()
    {
        using var engine = new RunEngine();
        var a = new RecordingDevice("motor_x", instant: false);
        var waiting = Await.MessageAsync(engine, "wait");
        var run = Task.Run(() => engine.RunAsync(Plan.From(new Msg("set", a, 1.0).WithKwarg("group", "g"), new Msg("wait", null, "g"))));
        await waiting;
        a.Pending.Single().SetException(new TimeoutException("motor stalled"));
        var error = await Assert.ThrowsAsync<FailedStatus>(() => run.WaitAsync(Await.Timeout));
        Assert.Contains("motor_x", error.Message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Same(a, error.Status.Obj);
    }

    [Fact]
    public async Task Wait_with_timeout_raises_WaitForTimeoutError_by_default()
    {
        using var engine = new RunEngine();
        var a = new RecordingDevice("a", instant: false);
        var error = await Assert.ThrowsAsync<WaitForTimeoutError>(() => engine.RunAsync(Plan.From(
            new Msg("set", a, 1.0).WithKwarg("group", "g"),
            new Msg("wait", null, "g").WithKwarg("timeout", 0.05))));
        Assert.Contains("'g'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_with_timeout_and_no_error_can_be_repeated_until_done()
    {
        using var engine = new RunEngine();
        var a = new RecordingDevice("a", instant: false);
        var answers = new List<bool>();

        async Plan Polling()
        {
            await new Msg("set", a, 1.0).WithKwarg("group", "g");
            answers.Add(await Stubs.Wait("g", timeout: 0.02, errorOnTimeout: false));
            answers.Add(await Stubs.Wait("g", timeout: 0.02, errorOnTimeout: false));
            await new Msg("finish");
            answers.Add(await Stubs.Wait("g", timeout: 5, errorOnTimeout: false));
        }

        engine.RegisterCommand("finish", (m, ct) =>
        {
            a.Pending.Single().SetResult();
            return new ValueTask<object?>((object?)null);
        });
        await engine.RunAsync(Polling());
        Assert.Equal([false, false, true], answers);
    }

    [Fact]
    public async Task A_failing_status_interrupts_the_plan_even_if_nobody_waits_on_it()
    {
        using var engine = new RunEngine();
        // Inline completion: the RunEngine learns of the failure before 'fail_it' returns, so the test is deterministic.
        var a = new RecordingDevice("a", instant: false) { InlineCompletion = true };
        engine.RegisterCommand("fail_it", (m, ct) =>
        {
            a.Pending.Single().SetException(new IOException("limit switch"));
            return new ValueTask<object?>((object?)null);
        });
        var error = await Assert.ThrowsAsync<FailedStatus>(() => engine.RunAsync(Plan.From(
            new Msg("set", a, 1.0).WithKwarg("group", "unwaited"),
            new Msg("fail_it"),
            new Msg("null"),
            new Msg("null"))));
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task Status_failing_after_the_run_ended_is_pardoned()
    {
        using var engine = new RunEngine();
        var a = new RecordingDevice("a", instant: false);
        await engine.RunAsync(Plan.From(new Msg("set", a, 1.0).WithKwarg("group", "never_waited")));
        a.Pending.Single().SetException(new IOException("late failure"));
        var result = await engine.RunAsync(Plan.From(new Msg("null"), new Msg("null")));
        Assert.Equal("success", result.ExitStatus);
    }

    [Fact]
    public async Task A_failure_in_a_watched_group_ends_the_wait_early()
    {
        using var engine = new RunEngine();
        var slow = new RecordingDevice("slow", instant: false);
        var watched = new RecordingDevice("watched", instant: false);
        var waiting = Await.MessageAsync(engine, "wait");
        var run = Task.Run(() => engine.RunAsync(Plan.From(
            new Msg("set", slow, 1.0).WithKwarg("group", "main"),
            new Msg("set", watched, 1.0).WithKwarg("group", "side"),
            new Msg("wait", null, "main").WithKwarg("watch", new[] { "side" }))));
        await waiting;
        watched.Pending.Single().SetException(new IOException("watched failed"));
        var error = await Assert.ThrowsAsync<FailedStatus>(() => run.WaitAsync(Await.Timeout));
        Assert.Same(watched, error.Status.Obj);
    }

    [Fact]
    public async Task Waiting_hook_receives_the_statuses_then_null()
    {
        using var engine = new RunEngine();
        var calls = new List<int?>();
        engine.WaitingHook = statuses => calls.Add(statuses?.Count);
        var a = new RecordingDevice("a");
        var b = new RecordingDevice("b");
        await engine.RunAsync(Plan.From(
            new Msg("set", a, 1.0).WithKwarg("group", "g"),
            new Msg("set", b, 1.0).WithKwarg("group", "g"),
            new Msg("wait", null, "g")));
        Assert.Equal([2, null], calls);
    }

    [Fact]
    public async Task Wait_on_an_empty_group_returns_true_at_once()
    {
        using var engine = new RunEngine();

        static async Plan<bool> Waits() => await Stubs.Wait("nothing_here");

        Assert.Equal(true, (await engine.RunAsync(Waits())).PlanResult);
    }

    [Fact]
    public async Task Wait_for_awaits_tasks_and_times_out_with_a_typed_error()
    {
        using var engine = new RunEngine();
        var done = new TaskCompletionSource();
        done.SetResult();
        var ok = await engine.RunAsync(Plan.From(new Msg("wait_for", null, new List<object> { done.Task, new Func<Task>(() => Task.CompletedTask) })));
        Assert.Equal("success", ok.ExitStatus);

        var never = new TaskCompletionSource();
        await Assert.ThrowsAsync<WaitForTimeoutError>(() => engine.RunAsync(Plan.From(
            new Msg("wait_for", null, new List<object> { never.Task }).WithKwarg("timeout", 0.02))));
    }

    [Fact]
    public async Task Sleep_uses_the_injected_clock()
    {
        var clock = new ManualTimeProvider();
        using var engine = new RunEngine(new RunEngineOptions { TimeProvider = clock });
        var sleeping = Await.MessageAsync(engine, "sleep");
        var run = Task.Run(() => engine.RunAsync(Plan.From(new Msg("sleep", null, 3600.0))));
        await sleeping;
        Assert.False(run.IsCompleted);
        clock.Advance(TimeSpan.FromHours(1));
        var result = await run.WaitAsync(Await.Timeout);
        Assert.Equal("success", result.ExitStatus);
    }
}
