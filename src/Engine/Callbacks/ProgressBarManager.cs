using Hyperion.Engine.Callbacks.Progress;
using Hyperion.Engine.Statuses;
using Spectre.Console;
using Status = Hyperion.Engine.Statuses.Status;

namespace Hyperion.Engine.Callbacks;

/// <summary>
/// Shows progress bars while the RunEngine waits (bluesky's <c>ProgressBarManager</c>): install with
/// <c>engine.WaitingHook = manager.Update</c>. Each status of a wait that reports progress
/// (<see cref="WatchableStatus"/>) gets a bar with its name, current and target values, unit, percentage and
/// elapsed/remaining time; a plain status gets a spinner and then "done" (or "failed: ..."). When the wait ends
/// the bars are finished and cleared.
/// </summary>
/// <remarks>
/// Progress updates arrive on device threads; bars update under their own locks and are drawn by Spectre's
/// refresh thread, so the engine's loop only hands over the statuses and never waits for the console. On a console
/// that is not interactive (a log, CI, a redirected stream) each status is reported as a line when the bars would
/// have been drawn and another when it finishes.
/// </remarks>
public sealed class ProgressBarManager : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly IAnsiConsole _console;
    private readonly TimeProvider _time;
    private readonly List<Task> _rendering = [];
    private ProgressDisplay? _current;
    private Task _last = Task.CompletedTask;

    /// <summary>Creates the manager.</summary>
    /// <param name="console">Where to draw; defaults to <see cref="AnsiConsole.Console"/>.</param>
    /// <param name="timeProvider">The clock for the draw delay and elapsed times.</param>
    /// <param name="drawDelay">Waits shorter than this draw nothing, so quick moves do not flash bars; default 0.2 s, as bluesky.</param>
    public ProgressBarManager(IAnsiConsole? console = null, TimeProvider? timeProvider = null, TimeSpan? drawDelay = null)
    {
        _console = console ?? AnsiConsole.Console;
        _time = timeProvider ?? TimeProvider.System;
        DrawDelay = drawDelay ?? TimeSpan.FromSeconds(0.2);
        ArgumentOutOfRangeException.ThrowIfLessThan(DrawDelay, TimeSpan.Zero, nameof(drawDelay));
    }

    /// <summary>Waits shorter than this draw nothing.</summary>
    public TimeSpan DrawDelay { get; }

    /// <summary>True while a wait's bars are shown (or about to be).</summary>
    public bool IsActive
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>
    /// The waiting hook: with statuses, a wait begins and its bars are shown (finishing any bars left over from a
    /// wait that never reported its end); with null, the wait is over and the bars are finished and cleared.
    /// </summary>
    public void Update(IReadOnlyCollection<Status>? statuses)
    {
        lock (_gate)
        {
            _current?.Finish();
            _current = null;
            if (statuses is null)
            {
                return;
            }

            var display = new ProgressDisplay(statuses, _console, _time, DrawDelay);
            display.Start(_last);
            _last = display.Completion;
            _rendering.RemoveAll(t => t.IsCompletedSuccessfully);
            _rendering.Add(_last);
            _current = display;
        }
    }

    /// <summary>Completes when every display so far has finished drawing; throws if drawing failed.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_rendering);
        }
    }

    /// <summary>Finishes the bars shown now and waits for the console to be released.</summary>
    public async ValueTask DisposeAsync()
    {
        Update(null);
        await WhenIdleAsync().ConfigureAwait(false);
    }

    /// <summary>Completes with true once the current wait's bars are on screen, false if they never will be.</summary>
    internal Task<bool> WhenDrawnAsync()
    {
        lock (_gate)
        {
            return _current?.Drawn ?? Task.FromResult(false);
        }
    }

    /// <summary>Redraws the current bars now (tests use it instead of waiting for a refresh tick).</summary>
    internal void Refresh()
    {
        ProgressDisplay? current;
        lock (_gate)
        {
            current = _current;
        }

        current?.Refresh();
    }
}
