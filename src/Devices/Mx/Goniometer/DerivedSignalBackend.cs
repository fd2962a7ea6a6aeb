using Hyperion.Devices.Backends;
using Hyperion.Devices.Signals;
using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>
/// A backend computed from other signals (ophyd-async's derived signals): reads compute from the sources, a put
/// runs the inverse, and while anything listens, every source update pushes a fresh computed reading.
/// </summary>
/// <remarks>
/// The core's DelegateSignalBackend only notifies once on subscribe, so waiting on a derived value (scan_invalid
/// going to 0) would never see the sources change; this one re-computes on each source update, one at a time so
/// that the last notification always reflects the latest source values.
/// </remarks>
/// <typeparam name="T">The derived value's type.</typeparam>
internal sealed class DerivedSignalBackend<T>(
    Func<CancellationToken, Task<T>> get,
    IReadOnlyList<Func<Action, IDisposable>> sources,
    Func<T, CancellationToken, Task>? put = null,
    string? units = null) : ISignalBackend<T>
{
    private readonly Lock _gate = new();
    private readonly List<IDisposable> _subscriptions = [];
    private Action<SignalReading<T>>? _callback;
    private Task _notifications = Task.CompletedTask;

    public string Source(string name, bool read) => $"soft://{name}";

    public Task ConnectAsync(SignalConnectContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task PutAsync(T value, bool wait, CancellationToken cancellationToken)
    {
        if (put is null)
        {
            throw new InvalidOperationException("This derived signal is read-only.");
        }

        await put(value, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DataKey> GetDataKeyAsync(string source, CancellationToken cancellationToken) =>
        DataKeys.For(source, await get(cancellationToken).ConfigureAwait(false), units);

    public async Task<SignalReading<T>> GetReadingAsync(CancellationToken cancellationToken) =>
        new(await get(cancellationToken).ConfigureAwait(false), TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);

    public Task<T> GetSetpointAsync(CancellationToken cancellationToken) => get(cancellationToken);

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

        var added = sources.Select(subscribe => subscribe(Changed)).ToList();
        lock (_gate)
        {
            _subscriptions.AddRange(added);
        }

        Changed();
    }

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

        if (callback is not null)
        {
            callback(await GetReadingAsync(CancellationToken.None).ConfigureAwait(false));
        }
    }
}
