using Hyperion.Engine.Errors;
using Hyperion.Engine.Running;

namespace Hyperion.Cli.Terminal;

/// <summary>
/// Ctrl+C as bluesky's SIGINT handler treats it: the first press asks for a deferred pause (at the next
/// checkpoint), a second press within ten seconds pauses at once. Outside a run Ctrl+C ends the program.
/// </summary>
public sealed class ConsoleInterrupts : IDisposable
{
    private static readonly TimeSpan SecondPressWindow = TimeSpan.FromSeconds(10);
    private readonly RunEngine _engine;
    private readonly TextWriter _out;
    private readonly TimeProvider _time;
    private long? _firstPress;

    /// <summary>Starts handling Ctrl+C for <paramref name="engine"/>.</summary>
    public ConsoleInterrupts(RunEngine engine, TextWriter output, TimeProvider? time = null)
    {
        _engine = engine;
        _out = output;
        _time = time ?? TimeProvider.System;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Handles one press; returns true when the press was used to pause (so the program keeps running).</summary>
    public bool Press()
    {
        var state = _engine.State;
        if (!state.CanPause())
        {
            return state is not RunEngineState.Idle and not RunEngineState.Panicked;
        }

        var now = _time.GetTimestamp();
        try
        {
            if (_firstPress is { } first && _time.GetElapsedTime(first, now) < SecondPressWindow)
            {
                _out.WriteLine("Pausing now...");
                _engine.RequestPause(defer: false);
                _firstPress = null;
            }
            else
            {
                _out.WriteLine("A deferred pause has been requested: the RunEngine will pause at the next checkpoint. Press Ctrl+C again within 10 s to pause at once.");
                _engine.RequestPause(defer: true);
                _firstPress = now;
            }
        }
        catch (TransitionError ex)
        {
            _out.WriteLine(ex.Message);
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose() => Console.CancelKeyPress -= OnCancelKeyPress;

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) => e.Cancel = Press();
}
