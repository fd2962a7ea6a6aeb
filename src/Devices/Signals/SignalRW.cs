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
    /// Puts <paramref name="value"/> with completion, waits until this signal reads it back, then (unless
    /// <paramref name="waitForSetCompletion"/> is false) for the put to complete — ophyd-async's
    /// set_and_wait_for_value: for records whose readback confirms the write before the put callback returns.
    /// </summary>
    public Task SetAndWaitForValueAsync(T value, TimeSpan? timeout = null, bool waitForSetCompletion = true, CancellationToken cancellationToken = default) =>
        SetAndWaitForOtherValueAsync(value, this, value, timeout, waitForSetCompletion, cancellationToken);

    /// <summary>
    /// Puts <paramref name="value"/> with completion, waits until <paramref name="readback"/> equals
    /// <paramref name="expected"/>, then (unless <paramref name="waitForSetCompletion"/> is false) for the put to
    /// complete — ophyd-async's set_and_wait_for_other_value (arm, then wait for the detector's armed status).
    /// A put that fails before the readback matches fails the call.
    /// </summary>
    public async Task SetAndWaitForOtherValueAsync<TRead>(T value, SignalR<TRead> readback, TRead expected, TimeSpan? timeout = null, bool waitForSetCompletion = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readback);
        var limit = timeout ?? Timeout;
        var put = SetAsync(value, wait: true, limit, cancellationToken);
        var matched = readback.WaitForValueAsync(expected, limit, cancellationToken);
        if (await Task.WhenAny(put, matched).ConfigureAwait(false) == put && put.IsFaulted)
        {
            await put.ConfigureAwait(false);
        }

        await matched.ConfigureAwait(false);
        if (waitForSetCompletion)
        {
            await put.ConfigureAwait(false);
        }
        else
        {
            // The put goes on in the background; its outcome is not this call's business once the readback matched.
            _ = put.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Location> LocateAsync(CancellationToken cancellationToken = default)
    {
        var setpoint = await WithTimeoutAsync("locate", null, Backend.GetSetpointAsync, cancellationToken).ConfigureAwait(false);
        var readback = await GetValueAsync(null, cancellationToken).ConfigureAwait(false);
        return new Location(SignalDatatype<T>.ToDocument(setpoint), SignalDatatype<T>.ToDocument(readback));
    }
}
