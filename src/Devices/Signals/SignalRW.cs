using Hyperion.Devices.Backends;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Signals;

/// <summary>A read-write signal (ophyd-async's SignalRW): readable, settable and locatable (setpoint and readback).</summary>
/// <typeparam name="T">The value type.</typeparam>
public class SignalRW<T> : SignalR<T>, ILocatable
{
    /// <summary>Creates the signal over <paramref name="backend"/>.</summary>
    public SignalRW(ISignalBackend<T> backend, string name = "")
        : base(backend, name)
    {
    }

    /// <inheritdoc/>
    public override SignalAccess Access => SignalAccess.ReadWrite;

    /// <summary>How many times a put that times out is tried in all.</summary>
    public int PutAttempts { get; init; } = 1;

    /// <summary>Writes <paramref name="value"/>; with <paramref name="wait"/>, completes when the write has (a put with callback).</summary>
    public Task SetAsync(T value, bool wait = true, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SignalPuts.PutAsync(this, value, wait, timeout, PutAttempts, cancellationToken);

    /// <summary>A plan's set: <paramref name="value"/> must be a <typeparamref name="T"/> (or convert exactly to one).</summary>
    public Status Set(object? value) => new(SetAsync(SignalDatatype<T>.Coerce(value, Name)), this);

    /// <summary>
    /// Sets <paramref name="value"/> without waiting for the put, then waits until this signal reads it back
    /// (ophyd-async's set_and_wait_for_value): for records whose put callback completes late or never.
    /// </summary>
    public async Task SetAndWaitForValueAsync(T value, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? Timeout;
        await SetAsync(value, wait: false, limit, cancellationToken).ConfigureAwait(false);
        await WaitForValueAsync(value, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets <paramref name="value"/> without waiting for the put, then waits until <paramref name="readback"/>
    /// equals <paramref name="expected"/> (ophyd-async's set_and_wait_for_other_value), e.g. arm then wait for
    /// the detector's armed status.
    /// </summary>
    public async Task SetAndWaitForOtherValueAsync<TRead>(T value, SignalR<TRead> readback, TRead expected, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readback);
        var limit = timeout ?? Timeout;
        await SetAsync(value, wait: false, limit, cancellationToken).ConfigureAwait(false);
        await readback.WaitForValueAsync(expected, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<Location> LocateAsync(CancellationToken cancellationToken = default)
    {
        var setpoint = await WithTimeoutAsync("locate", null, Backend.GetSetpointAsync, cancellationToken).ConfigureAwait(false);
        var readback = await GetValueAsync(null, cancellationToken).ConfigureAwait(false);
        return new Location(SignalDatatype<T>.ToDocument(setpoint), SignalDatatype<T>.ToDocument(readback));
    }
}
