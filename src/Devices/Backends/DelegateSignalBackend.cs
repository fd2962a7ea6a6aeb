using Hyperion.Devices.Signals;
using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Backends;

/// <summary>
/// A soft backend over delegates: reads call <c>get</c>, writes call <c>put</c> (read-only without one). For values
/// that live in code rather than in a PV (a device's derived state, a configuration lookup). Subscribers hear of
/// writes made through the signal; call <see cref="Refresh"/> when the underlying value changes by other means.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class DelegateSignalBackend<T>(Func<CancellationToken, Task<T>> get, Func<T, CancellationToken, Task>? put = null, SignalMetadata? metadata = null, TimeProvider? timeProvider = null) : ISignalBackend<T>
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private Action<SignalReading<T>>? _callback;

    /// <inheritdoc/>
    public string Source(string name, bool read) => $"soft://{name}";

    /// <inheritdoc/>
    public Task ConnectAsync(SignalConnectContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task PutAsync(T value, bool wait, CancellationToken cancellationToken)
    {
        if (put is null)
        {
            throw new InvalidOperationException("This signal is read-only: its backend has no put delegate.");
        }

        await put(value, cancellationToken).ConfigureAwait(false);
        await Refresh(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the value again and tells the subscriber.</summary>
    public async Task Refresh(CancellationToken cancellationToken = default)
    {
        if (_callback is { } callback)
        {
            callback(await GetReadingAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    /// <inheritdoc/>
    public async Task<DataKey> GetDataKeyAsync(string source, CancellationToken cancellationToken) =>
        DataKeys.For(source, await get(cancellationToken).ConfigureAwait(false), metadata?.Units, metadata?.Precision, metadata?.Limits);

    /// <inheritdoc/>
    public async Task<SignalReading<T>> GetReadingAsync(CancellationToken cancellationToken) =>
        new(await get(cancellationToken).ConfigureAwait(false), _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0);

    /// <inheritdoc/>
    public Task<T> GetSetpointAsync(CancellationToken cancellationToken) => get(cancellationToken);

    /// <inheritdoc/>
    public void SetCallback(Action<SignalReading<T>>? callback)
    {
        _callback = callback;
        if (callback is not null)
        {
            _ = NotifyFirstAsync(callback);
        }
    }

    private async Task NotifyFirstAsync(Action<SignalReading<T>> callback) => callback(await GetReadingAsync(CancellationToken.None).ConfigureAwait(false));
}
