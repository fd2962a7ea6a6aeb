using Hyperion.Devices.Signals;
using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Backends;

/// <summary>
/// A signal computed from other signals (ophyd-async's derived signals): reads call <c>get</c>, writes call
/// <c>put</c> (read-only without one), and subscribers hear a fresh value whenever any source changes. It stays
/// live when its device connects in mock mode, computing from the mocked sources.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class DerivedSignalBackend<T> : ISignalBackend<T>
{
    private readonly Lock _gate = new();
    private readonly Func<CancellationToken, Task<T>> _get;
    private readonly Func<T, CancellationToken, Task>? _put;
    private readonly IReadOnlyList<IObservableSignal> _sources;
    private readonly SignalMetadata _metadata;
    private readonly TimeProvider _time;
    private readonly List<IDisposable> _subscriptions = [];
    private Action<SignalReading<T>>? _callback;
    private Task _notifications = Task.CompletedTask;

    /// <summary>Creates the backend over <paramref name="get"/> (and <paramref name="put"/>), recomputing when <paramref name="sources"/> change.</summary>
    public DerivedSignalBackend(Func<CancellationToken, Task<T>> get, Func<T, CancellationToken, Task>? put = null, IEnumerable<IObservableSignal>? sources = null, SignalMetadata? metadata = null, TimeProvider? timeProvider = null)
    {
        _get = get ?? throw new ArgumentNullException(nameof(get));
        _put = put;
        _sources = [.. sources ?? []];
        _metadata = metadata ?? new SignalMetadata();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The most recent failure to compute a value for subscribers (they are not called for it).</summary>
    public Exception? LastNotificationError { get; private set; }

    /// <inheritdoc/>
    public string Source(string name, bool read) => $"soft://{name}";

    /// <inheritdoc/>
    public Task ConnectAsync(SignalConnectContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task PutAsync(T value, bool wait, CancellationToken cancellationToken)
    {
        if (_put is null)
        {
            throw new InvalidOperationException("This derived signal is read-only: it has no put.");
        }

        await _put(value, cancellationToken).ConfigureAwait(false);
        if (_sources.Count == 0)
        {
            Changed();
        }
    }

    /// <inheritdoc/>
    public async Task<DataKey> GetDataKeyAsync(string source, CancellationToken cancellationToken) =>
        DataKeys.For(source, await _get(cancellationToken).ConfigureAwait(false), _metadata.Units, _metadata.Precision, _metadata.Limits);

    /// <inheritdoc/>
    public async Task<SignalReading<T>> GetReadingAsync(CancellationToken cancellationToken) =>
        new(await _get(cancellationToken).ConfigureAwait(false), _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);

    /// <inheritdoc/>
    public Task<T> GetSetpointAsync(CancellationToken cancellationToken) => _get(cancellationToken);

    /// <inheritdoc/>
    public void SetCallback(Action<SignalReading<T>>? callback)
    {
        IDisposable[] old;
        lock (_gate)
        {
            old = [.. _subscriptions];
            _subscriptions.Clear();
            _callback = callback;
        }

        foreach (var subscription in old)
        {
            subscription.Dispose();
        }

        if (callback is null)
        {
            return;
        }

        var added = _sources.Select(source => source.SubscribeChanges(Changed)).ToList();
        lock (_gate)
        {
            _subscriptions.AddRange(added);
        }

        Changed();
    }

    // Each change queues one recomputation after the previous one, so subscribers see values in order.
    private void Changed()
    {
        lock (_gate)
        {
            _notifications = NotifyAfterAsync(_notifications);
        }
    }

    private async Task NotifyAfterAsync(Task previous)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Action<SignalReading<T>>? callback;
        lock (_gate)
        {
            callback = _callback;
        }

        if (callback is null)
        {
            return;
        }

        SignalReading<T> reading;
        try
        {
            reading = await GetReadingAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A source that cannot be read yet (not connected, say): readers get the error when they read.
            LastNotificationError = e;
            return;
        }

        callback(reading);
    }
}
