using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Hyperion.Devices.Backends;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Signals;

/// <summary>
/// A readable signal (ophyd-async's SignalR). Reads go to the backend unless the signal is cached: while staged or
/// while anything is subscribed, the backend pushes every update and reads return the latest without a round trip.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public class SignalR<T> : SignalBase<T>, IUncachedReadable, ISubscribable, IStageable, IObservableSignal
{
    private readonly Lock _gate = new();
    private readonly List<Action<SignalReading<T>>> _listeners = [];
    private readonly Dictionary<Action<IReadOnlyDictionary<string, Reading>>, Action<SignalReading<T>>> _readingListeners = [];
    private int _staged;
    private bool _cacheActive;
    private SignalReading<T>? _latest;
    private TaskCompletionSource _firstUpdate = NewFirst();

    /// <summary>Creates the signal over <paramref name="backend"/>.</summary>
    public SignalR(ISignalBackend<T> backend, string name = "")
        : base(backend, name)
    {
    }

    /// <inheritdoc/>
    public override SignalAccess Access => SignalAccess.Read;

    /// <summary>Whether reads are served from the subscription cache.</summary>
    public bool IsCached
    {
        get
        {
            lock (_gate)
            {
                return _cacheActive;
            }
        }
    }

    /// <summary>The current value (from the cache when cached, unless <paramref name="cached"/> is false).</summary>
    public async Task<T> GetValueAsync(bool? cached = null, CancellationToken cancellationToken = default) =>
        (await GetReadingAsync(cached, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The current reading (from the cache when cached, unless <paramref name="cached"/> is false).</summary>
    public Task<SignalReading<T>> GetReadingAsync(bool? cached = null, CancellationToken cancellationToken = default)
    {
        // The cached path is the hot one (every read of a staged device): no time-out machinery, no state machine.
        lock (_gate)
        {
            if ((cached ?? true) && _cacheActive && _latest is { } latest)
            {
                return Task.FromResult(latest);
            }
        }

        return WithTimeoutAsync("get", null, async ct =>
        {
            Task? first = null;
            lock (_gate)
            {
                if ((cached ?? true) && _cacheActive)
                {
                    first = _firstUpdate.Task;
                }
            }

            if (first is not null)
            {
                await first.WaitAsync(ct).ConfigureAwait(false);
                lock (_gate)
                {
                    if (_latest is { } latest)
                    {
                        return latest;
                    }
                }
            }

            return await Backend.GetReadingAsync(ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default) =>
        new Dictionary<string, Reading> { [Name] = (await GetReadingAsync(null, cancellationToken).ConfigureAwait(false)).ToReading() };

    /// <summary>Reads without the cache (StandardReadable's uncached format).</summary>
    public async ValueTask<IReadOnlyDictionary<string, Reading>> ReadUncachedAsync(CancellationToken cancellationToken = default) =>
        new Dictionary<string, Reading> { [Name] = (await GetReadingAsync(false, cancellationToken).ConfigureAwait(false)).ToReading() };

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) =>
        new Dictionary<string, DataKey> { [Name] = await WithTimeoutAsync("describe", null, ct => Backend.GetDataKeyAsync(Source, ct), cancellationToken).ConfigureAwait(false) };

    /// <summary>Calls <paramref name="listener"/> with the current reading and every update; returns what stops it.</summary>
    public IDisposable SubscribeReading(Action<SignalReading<T>> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        SignalReading<T>? current;
        bool start;
        lock (_gate)
        {
            _listeners.Add(listener);
            start = !_cacheActive;
            current = _latest;
        }

        if (start)
        {
            UpdateCache();
        }
        else if (current is { } reading)
        {
            listener(reading);
        }

        return new Unsubscriber(() => RemoveListener(listener));
    }

    /// <inheritdoc/>
    public IDisposable SubscribeChanges(Action changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return SubscribeReading(_ => changed());
    }

    /// <summary>Calls <paramref name="listener"/> with the current value and every update.</summary>
    public IDisposable SubscribeValue(Action<T> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return SubscribeReading(reading => listener(reading.Value));
    }

    /// <inheritdoc/>
    public void Subscribe(Action<IReadOnlyDictionary<string, Reading>> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        void Listener(SignalReading<T> reading) => callback(new Dictionary<string, Reading> { [Name] = reading.ToReading() });
        lock (_gate)
        {
            _readingListeners[callback] = Listener;
        }

        SubscribeReading(Listener);
    }

    /// <inheritdoc/>
    public void ClearSubscription(Action<IReadOnlyDictionary<string, Reading>> callback)
    {
        Action<SignalReading<T>>? listener;
        lock (_gate)
        {
            _readingListeners.Remove(callback, out listener);
        }

        if (listener is not null)
        {
            RemoveListener(listener);
        }
    }

    /// <summary>
    /// Every value from now on, the current one first (ophyd-async's observe_value). Ends when the caller stops
    /// enumerating or <paramref name="cancellationToken"/> fires; with <paramref name="doneTimeout"/>, fails with
    /// <see cref="TimeoutException"/> if no update arrives for that long.
    /// </summary>
    public async IAsyncEnumerable<T> ObserveValueAsync(TimeSpan? doneTimeout = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = SubscribeValue(v => updates.Writer.TryWrite(v));
        while (true)
        {
            T value;
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                if (doneTimeout is { } limit)
                {
                    wait.CancelAfter(limit);
                }

                try
                {
                    value = await updates.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"{Name}: no update within {doneTimeout!.Value.TotalSeconds:0.###} s.");
                }
            }

            yield return value;
        }
    }

    /// <summary>
    /// Waits until the value satisfies <paramref name="predicate"/> (ophyd-async's wait_for_value); fails after
    /// <paramref name="timeout"/> naming the signal, what it waited for and the last value seen.
    /// </summary>
    public async Task<T> WaitForValueAsync(Func<T, bool> predicate, TimeSpan timeout, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var last = default(T);
        var seen = false;
        try
        {
            await foreach (var value in ObserveValueAsync(cancellationToken: deadline.Token).ConfigureAwait(false))
            {
                (last, seen) = (value, true);
                if (predicate(value))
                {
                    return value;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"{Name} did not become {description ?? "the value waited for"} within {timeout.TotalSeconds:0.###} s; last value {(seen ? Format(last) : "(none)")}.");
    }

    /// <summary>Waits until the value equals <paramref name="expected"/>.</summary>
    public Task<T> WaitForValueAsync(T expected, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForValueAsync(v => EqualityComparer<T>.Default.Equals(v, expected), timeout, Format(expected), cancellationToken);

    /// <inheritdoc/>
    public Status Stage()
    {
        bool start;
        lock (_gate)
        {
            start = _staged++ == 0 && !_cacheActive;
        }

        if (start)
        {
            UpdateCache();
        }

        return Status.CompletedFor(this);
    }

    /// <inheritdoc/>
    public Status Unstage()
    {
        lock (_gate)
        {
            _staged = Math.Max(0, _staged - 1);
        }

        UpdateCache();
        return Status.CompletedFor(this);
    }

    /// <inheritdoc/>
    protected override void OnBackendChanged(ISignalBackend<T> previous, ISignalBackend<T> current)
    {
        bool active;
        lock (_gate)
        {
            active = _cacheActive;
            _latest = null;
            _firstUpdate = NewFirst();
        }

        if (active)
        {
            previous.SetCallback(null);
            current.SetCallback(OnUpdate);
        }
    }

    internal static string Format(T? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        Array a => $"[{string.Join(", ", a.Cast<object>())}]",
        _ when SignalDatatype<T>.Kind == SignalValueKind.Enum => SignalDatatype<T>.Label(value),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static TaskCompletionSource NewFirst() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void RemoveListener(Action<SignalReading<T>> listener)
    {
        lock (_gate)
        {
            _listeners.Remove(listener);
        }

        UpdateCache();
    }

    // The cache runs while anything is staged or subscribed, and stops with the last of them.
    private void UpdateCache()
    {
        bool start, stop;
        lock (_gate)
        {
            var wanted = _staged > 0 || _listeners.Count > 0;
            start = wanted && !_cacheActive;
            stop = !wanted && _cacheActive;
            _cacheActive = wanted;
            if (stop)
            {
                _latest = null;
                _firstUpdate = NewFirst();
            }
        }

        if (start)
        {
            Backend.SetCallback(OnUpdate);
        }
        else if (stop)
        {
            Backend.SetCallback(null);
        }
    }

    private void OnUpdate(SignalReading<T> reading)
    {
        Action<SignalReading<T>>[] listeners;
        TaskCompletionSource first;
        lock (_gate)
        {
            if (!_cacheActive)
            {
                return;
            }

            _latest = reading;
            first = _firstUpdate;
            listeners = [.. _listeners];
        }

        first.TrySetResult();
        foreach (var listener in listeners)
        {
            listener(reading);
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
