using Hyperion.Cli.Terminal;
using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Running;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.Cli.Tests;

public class ConsoleInterruptsTests
{
    [Fact]
    public async Task First_ctrl_c_defers_the_pause_and_a_second_within_ten_seconds_pauses_at_once()
    {
        using var engine = new RunEngine();
        var clock = new FakeTimeProvider();
        var output = new StringWriter();
        using var interrupts = new ConsoleInterrupts(engine, output, clock);
        var pressed = false;
        var second = false;
        engine.RegisterCommand("press", (msg, ct) =>
        {
            Assert.True(interrupts.Press());
            if ((bool)msg.Args[0]!)
            {
                clock.Advance(TimeSpan.FromSeconds(3));
                second = interrupts.Press();
            }

            pressed = true;
            return new ValueTask<object?>((object?)null);
        });

        var interrupted = await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(new Msg("press", null, true), new Msg("null"))));
        Assert.True(pressed);
        Assert.True(second);
        Assert.True(interrupted.Result.Interrupted);
        Assert.Equal(RunEngineState.Paused, engine.State);
        Assert.Contains("deferred pause", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Pausing now", output.ToString(), StringComparison.Ordinal);
        await engine.AbortAsync();
    }

    [Fact]
    public async Task A_single_ctrl_c_pauses_at_the_next_checkpoint()
    {
        using var engine = new RunEngine();
        using var interrupts = new ConsoleInterrupts(engine, TextWriter.Null, new FakeTimeProvider());
        var seen = new List<string>();
        engine.MsgHook = m => seen.Add(m.Command);
        engine.RegisterCommand("press", (msg, ct) => new ValueTask<object?>(interrupts.Press()));
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(Plan.From(new Msg("press", null, false), new Msg("null"), new Msg("checkpoint"), new Msg("null"))));
        Assert.Equal(["press", "null", "checkpoint"], seen);
        await engine.StopAsync();
    }

    [Fact]
    public void Ctrl_c_while_idle_is_left_to_end_the_program()
    {
        using var engine = new RunEngine();
        using var interrupts = new ConsoleInterrupts(engine, TextWriter.Null);
        Assert.False(interrupts.Press());
    }
}
