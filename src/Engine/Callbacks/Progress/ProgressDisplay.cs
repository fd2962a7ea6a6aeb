using Hyperion.Engine.Statuses;
using Spectre.Console;
using Status = Hyperion.Engine.Statuses.Status;

namespace Hyperion.Engine.Callbacks.Progress;

/// <summary>
/// The bars of one wait. Drawing starts on the thread pool after the draw delay (so a wait that ends sooner draws
/// nothing, as bluesky's <c>delay_draw</c>) and ends when <see cref="Finish"/> is called. An interactive ANSI
/// console gets live Spectre bars, cleared at the end; any other console gets one line per status when the bars
/// are drawn and one when each finishes.
/// </summary>
internal sealed class ProgressDisplay
{
    private readonly Lock _gate = new();
    private readonly IAnsiConsole _console;
    private readonly TimeProvider _time;
    private readonly TimeSpan _drawDelay;
    private readonly List<StatusBar> _bars = [];
    private readonly HashSet<StatusBar> _reported = [];
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _drawn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ProgressContext? _context;
    private bool _writingLines;

    public ProgressDisplay(IEnumerable<Status> statuses, IAnsiConsole console, TimeProvider time, TimeSpan drawDelay)
    {
        _console = console;
        _time = time;
        _drawDelay = drawDelay;
        foreach (var status in statuses)
        {
            if (!status.Done)
            {
                _bars.Add(new StatusBar(status, OnBarFinished));
            }
        }

        foreach (var bar in _bars)
        {
            bar.Listen();
        }
    }

    /// <summary>Completes when drawing has ended (or was skipped).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Completes with true once the bars are on screen, or false if the wait ended before they were drawn.</summary>
    public Task<bool> Drawn => _drawn.Task;

    /// <summary>Starts drawing once <paramref name="previous"/> (the last wait's drawing) has ended: one live display at a time.</summary>
    public void Start(Task previous)
    {
        // The delay counts from the start of the wait, not from whenever the thread pool gets to the drawing.
        // The timer is left to run out rather than cancelled: it is short, and nothing waits on it once the wait ends.
        var delay = _drawDelay > TimeSpan.Zero ? Task.Delay(_drawDelay, _time) : Task.CompletedTask;
        Completion = Task.Run(() => RenderAsync(previous, delay));
    }

    /// <summary>The wait is over: finish and clear the bars. Never blocks.</summary>
    public void Finish()
    {
        _finished.TrySetResult();
    }

    /// <summary>Redraws the live bars now instead of at the next refresh tick.</summary>
    public void Refresh()
    {
        ProgressContext? context;
        lock (_gate)
        {
            context = _context;
        }

        context?.Refresh();
    }

    private async Task RenderAsync(Task previous, Task delay)
    {
        try
        {
            // WhenAny only sequences: a failure of the previous drawing is reported through its own task.
            await Task.WhenAny(previous).ConfigureAwait(false);
            if (_bars.Count == 0 || !await DelayAsync(delay).ConfigureAwait(false))
            {
                _drawn.TrySetResult(false);
                return;
            }

            var capabilities = _console.Profile.Capabilities;
            if (capabilities.Interactive && capabilities.Ansi)
            {
                try
                {
                    await RenderBarsAsync().ConfigureAwait(false);
                    return;
                }
                catch (InvalidOperationException ex) when (!_drawn.Task.IsCompleted)
                {
                    // Another live display (a prompt, another progress) owns the console: report as lines instead.
                    _console.MarkupLineInterpolated($"[grey]Progress bars unavailable ({ex.Message}); reporting as lines.[/]");
                }
            }

            await RenderLinesAsync().ConfigureAwait(false);
        }
        finally
        {
            _drawn.TrySetResult(false);
        }
    }

    private async Task<bool> DelayAsync(Task delay)
    {
        var first = await Task.WhenAny(delay, _finished.Task).ConfigureAwait(false);
        return first == delay && !_finished.Task.IsCompleted;
    }

    private async Task RenderBarsAsync()
    {
        var progress = new Spectre.Console.Progress(_console, _time)
        {
            AutoClear = true,
            HideCompleted = false,
        }.Columns(
            new TaskDescriptionColumn { Alignment = Justify.Left },
            new ProgressBarColumn(),
            new StatusProgressColumn(),
            new StatusTimeColumn(),
            new SpinnerColumn { CompletedText = " " });
        await progress.StartAsync(async context =>
        {
            foreach (var bar in _bars)
            {
                bar.Attach(context.AddTask(Markup.Escape(bar.Name), autoStart: true, maxValue: 100));
            }

            lock (_gate)
            {
                _context = context;
            }

            _drawn.TrySetResult(true);
            await _finished.Task.ConfigureAwait(false);
            lock (_gate)
            {
                _context = null;
            }

            foreach (var bar in _bars)
            {
                bar.Sync();
            }
        }).ConfigureAwait(false);
    }

    private async Task RenderLinesAsync()
    {
        lock (_gate)
        {
            _writingLines = true;
            foreach (var bar in _bars)
            {
                var snapshot = bar.Snapshot();
                if (snapshot.Done)
                {
                    _reported.Add(bar);
                }

                WriteLine(snapshot);
            }
        }

        _drawn.TrySetResult(true);
        await _finished.Task.ConfigureAwait(false);
        lock (_gate)
        {
            // A status can finish the wait before its completion callback has run: report it now, once.
            foreach (var bar in _bars)
            {
                if (bar.Status.Done && _reported.Add(bar))
                {
                    WriteLine(bar.Snapshot());
                }
            }

            _writingLines = false;
        }
    }

    private void OnBarFinished(StatusBar bar)
    {
        lock (_gate)
        {
            if (_writingLines && _reported.Add(bar))
            {
                WriteLine(bar.Snapshot());
            }
        }
    }

    private void WriteLine(StatusBarSnapshot snapshot)
    {
        var times = snapshot.Times is { } t ? " " + t : string.Empty;
        _console.WriteLine($"{snapshot.Name}: {snapshot.Progress}{times}");
    }
}
