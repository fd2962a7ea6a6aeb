namespace Hyperion.Engine.Statuses;

/// <summary>
/// A status that streams progress (<see cref="WatcherUpdate"/>) to watchers while it runs, for progress
/// bars. A watcher added late receives the last update at once.
/// </summary>
public class WatchableStatus : Status
{
    private readonly Lock _gate = new();
    private readonly List<Action<WatcherUpdate>> _watchers = [];
    private WatcherUpdate? _last;

    /// <summary>Wraps <paramref name="task"/>; the operation reports progress through <see cref="Publish"/>.</summary>
    public WatchableStatus(Task task, object? obj = null)
        : base(task, obj)
    {
    }

    private WatchableStatus(TaskCompletionSource completion, object? obj)
        : base(completion.Task, obj)
    {
    }

    /// <summary>The most recent update, if any.</summary>
    public WatcherUpdate? LastUpdate
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>
    /// A status whose operation is the enumeration of <paramref name="updates"/>: each update is published,
    /// and the status finishes when the sequence ends (or fails with it).
    /// </summary>
    public static WatchableStatus FromUpdates(IAsyncEnumerable<WatcherUpdate> updates, object? obj = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var status = new WatchableStatus(completion, obj);
        _ = PumpAsync(status, updates, completion, cancellationToken);
        return status;
    }

    /// <summary>Adds a watcher; it is called with the last update at once, then with each new one.</summary>
    public void Watch(Action<WatcherUpdate> watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        WatcherUpdate? last;
        lock (_gate)
        {
            _watchers.Add(watcher);
            last = _last;
        }

        if (last is not null)
        {
            watcher(last);
        }
    }

    /// <summary>Publishes an update to every watcher.</summary>
    public void Publish(WatcherUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Action<WatcherUpdate>[] watchers;
        lock (_gate)
        {
            _last = update;
            watchers = [.. _watchers];
        }

        foreach (var watcher in watchers)
        {
            watcher(update);
        }
    }

    private static async Task PumpAsync(WatchableStatus status, IAsyncEnumerable<WatcherUpdate> updates, TaskCompletionSource completion, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                status.Publish(update);
            }

            completion.SetResult();
        }
        catch (OperationCanceledException ex)
        {
            completion.SetCanceled(ex.CancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            completion.SetException(ex);
        }
    }
}
