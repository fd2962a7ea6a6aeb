using Hyperion.Engine.PlanLibrary;

namespace Hyperion.Engine.Tests.Running;

public class StateMachineTests
{
    [Fact]
    public void States_and_names_match_bluesky()
    {
        Assert.Equal(
            ["idle", "running", "pausing", "paused", "halting", "stopping", "aborting", "suspending", "panicked"],
            Enum.GetValues<RunEngineState>().Select(s => s.ToWireName()));
    }

    [Theory]
    [InlineData(RunEngineState.Idle, "running,panicked")]
    [InlineData(RunEngineState.Running, "idle,pausing,halting,stopping,aborting,suspending,panicked")]
    [InlineData(RunEngineState.Pausing, "paused,idle,halting,aborting,panicked")]
    [InlineData(RunEngineState.Suspending, "running,halting,aborting,panicked")]
    [InlineData(RunEngineState.Paused, "idle,running,halting,stopping,aborting,panicked")]
    [InlineData(RunEngineState.Halting, "idle,panicked")]
    [InlineData(RunEngineState.Stopping, "idle,panicked")]
    [InlineData(RunEngineState.Aborting, "idle,panicked")]
    [InlineData(RunEngineState.Panicked, "")]
    public void Transition_table_is_bluesky_s(RunEngineState from, string allowed)
    {
        var expected = allowed.Length == 0 ? [] : allowed.Split(',');
        Assert.Equal(expected, RunEngineStates.AllowedFrom(from).Select(s => s.ToWireName()));
    }

    [Fact]
    public async Task Resume_stop_abort_halt_and_pause_from_idle_raise_transition_errors()
    {
        using var engine = new RunEngine();
        await Assert.ThrowsAsync<TransitionError>(() => engine.ResumeAsync());
        await Assert.ThrowsAsync<TransitionError>(() => engine.StopAsync());
        await Assert.ThrowsAsync<TransitionError>(() => engine.AbortAsync());
        await Assert.ThrowsAsync<TransitionError>(() => engine.HaltAsync());
        var error = Assert.Throws<TransitionError>(() => engine.RequestPause());
        Assert.Equal(RunEngineState.Idle, error.From);
        Assert.Contains("idle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_a_new_plan_while_paused_raises()
    {
        using var engine = new RunEngine();
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(new Msg("pause"))));
        Assert.Equal(RunEngineState.Paused, engine.State);
        await Assert.ThrowsAsync<TransitionError>(() => engine.RunAsync(Plan.From(new Msg("null"))));
        await engine.AbortAsync();
        Assert.Equal(RunEngineState.Idle, engine.State);
    }

    [Fact]
    public async Task State_hook_reports_every_transition_in_order()
    {
        using var engine = new RunEngine();
        var transitions = new List<string>();
        engine.StateChanged += (next, old) => transitions.Add($"{old.ToWireName()}->{next.ToWireName()}");
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(new Msg("pause"), new Msg("null"))));
        await engine.ResumeAsync();
        Assert.Equal(["idle->running", "running->pausing", "pausing->paused", "paused->running", "running->idle"], transitions);
    }

    [Fact]
    public void Registry_registers_unregisters_lists_and_prints_commands()
    {
        using var engine = new RunEngine();
        Assert.Contains("open_run", engine.Commands);
        Assert.Contains("wait_for", engine.Commands);
        engine.RegisterCommand("custom", (msg, ct) => new ValueTask<object?>(42), "A custom command.\nMore detail.");
        Assert.Contains("custom", engine.Commands);
        Assert.Contains("custom : A custom command.\n", engine.PrintCommandRegistry(), StringComparison.Ordinal);
        Assert.Contains("More detail.", engine.PrintCommandRegistry(verbose: true), StringComparison.Ordinal);
        engine.UnregisterCommand("custom");
        Assert.DoesNotContain("custom", engine.Commands);
        Assert.Throws<KeyNotFoundException>(() => engine.UnregisterCommand("custom"));
    }

    [Fact]
    public async Task Registered_command_response_is_sent_into_the_plan()
    {
        using var engine = new RunEngine();
        engine.RegisterCommand("answer", (msg, ct) => new ValueTask<object?>((int)msg.Args[0]! * 2));

        static async Plan<int> Asks()
        {
            return (int)(await new Msg("answer", null, 21))!;
        }

        var result = await engine.RunAsync(Asks());
        Assert.Equal(42, result.PlanResult);
    }

    [Fact]
    public void Every_builtin_bluesky_command_is_registered()
    {
        using var engine = new RunEngine();
        string[] builtins =
        [
            "open_run", "close_run", "declare_stream", "create", "read", "save", "drop", "locate", "monitor", "unmonitor",
            "set", "trigger", "prepare", "kickoff", "complete", "collect", "wait", "sleep", "checkpoint", "clear_checkpoint",
            "rewindable", "pause", "stop", "configure", "stage", "unstage", "subscribe", "unsubscribe", "wait_for", "input",
            "install_suspender", "remove_suspender", "null",
        ];
        Assert.Empty(builtins.Except(engine.Commands));
    }

    [Fact]
    public async Task Plan_return_value_is_in_the_result()
    {
        using var engine = new RunEngine();

        static async Plan<string> Returns()
        {
            await Stubs.Null();
            return "plan result";
        }

        var result = await engine.RunAsync(Returns());
        Assert.Equal("plan result", result.PlanResult);
        Assert.False(result.Interrupted);
        Assert.Equal("success", result.ExitStatus);
    }
}
