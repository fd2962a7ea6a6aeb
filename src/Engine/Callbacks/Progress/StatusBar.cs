using System.Globalization;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;
using Spectre.Console;
using Status = Hyperion.Engine.Statuses.Status;

namespace Hyperion.Engine.Callbacks.Progress;

/// <summary>
/// The progress of one status in one wait: its last <see cref="WatcherUpdate"/> and whether it finished. Updates
/// arrive on device threads; everything is guarded by one lock, and the Spectre task (once the bars are drawn)
/// is brought up to date under it.
/// </summary>
internal sealed class StatusBar
{
    private readonly Lock _gate = new();
    private readonly Action<StatusBar> _finished;
    private WatcherUpdate? _last;
    private ProgressTask? _task;

    public StatusBar(Status status, Action<StatusBar> finished)
    {
        Status = status;
        _finished = finished;
        Watchable = status is WatchableStatus;
    }

    public Status Status { get; }

    /// <summary>True when the status reports progress (a bar); false for a plain status (a spinner).</summary>
    public bool Watchable { get; }

    public string Name
    {
        get
        {
            lock (_gate)
            {
                return NameLocked();
            }
        }
    }

    /// <summary>Starts listening to the status; call once, after the display holds this bar.</summary>
    public void Listen()
    {
        if (Status is WatchableStatus watchable)
        {
            watchable.Watch(OnUpdate);
        }

        Status.AddCallback(OnDone);
    }

    public StatusBarSnapshot Snapshot()
    {
        lock (_gate)
        {
            // The status itself, not the callback, says whether it finished: the callback may still be on its way.
            return new StatusBarSnapshot(NameLocked(), _last, Status.Done, Status.Success, Status.Exception?.Message);
        }
    }

    /// <summary>Binds the Spectre task that draws this bar and brings it up to date.</summary>
    public void Attach(ProgressTask task)
    {
        lock (_gate)
        {
            _task = task;
            task.Tag = this;
            ApplyLocked();
        }
    }

    private void OnUpdate(WatcherUpdate update)
    {
        lock (_gate)
        {
            _last = update;
            ApplyLocked();
        }
    }

    /// <summary>Brings the Spectre task up to date with the status, e.g. before the last frame is drawn.</summary>
    public void Sync()
    {
        lock (_gate)
        {
            ApplyLocked();
        }
    }

    private void OnDone(Status status)
    {
        Sync();
        _finished(this);
    }

    private string NameLocked() =>
        _last?.Name ?? (Status.Obj is IHasName named ? named.Name : Status.Obj?.GetType().Name ?? "status");

    private void ApplyLocked()
    {
        if (_task is not { } task)
        {
            return;
        }

        task.Description = Markup.Escape(NameLocked());
        if (Status.Done)
        {
            task.IsIndeterminate = false;
            if (Status.Success)
            {
                task.Value = task.MaxValue;
            }

            task.StopTask();
        }
        else if (_last is { } update)
        {
            task.IsIndeterminate = false;
            task.Value = Math.Clamp(100 * (1 - update.FractionRemaining), 0, 100);
        }
        else
        {
            task.IsIndeterminate = true;
        }
    }

    /// <summary>Formats a value with the update's precision (3 digits by default, as bluesky).</summary>
    public static string Format(double value, int? precision) =>
        value.ToString("F" + (precision ?? 3).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
