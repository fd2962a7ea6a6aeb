using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>ophyd-async's set_and_wait_for_value: a put with callback, confirmed by the readback.</summary>
internal static class SignalSets
{
    /// <summary>
    /// Puts <paramref name="value"/> with callback (no put time-out, as ophyd-async passes none), waits up to
    /// <paramref name="timeout"/> for the signal's readback to equal it exactly, then, when
    /// <paramref name="waitForSetCompletion"/>, for the put callback. Returns the put.
    /// </summary>
    public static async Task<Task> SetAndWaitForValueAsync<T>(SignalRW<T> signal, T value, TimeSpan timeout, bool waitForSetCompletion = true, CancellationToken cancellationToken = default)
    {
        var put = signal.SetAsync(value, wait: true, Timeout.InfiniteTimeSpan, cancellationToken);
        var matched = signal.WaitForValueAsync(value, timeout, cancellationToken);

        // A put that fails before the readback matches is the real error, not the time-out that would follow it.
        if (await Task.WhenAny(put, matched).ConfigureAwait(false) == put && put.IsFaulted)
        {
            await put.ConfigureAwait(false);
        }

        await matched.ConfigureAwait(false);
        if (waitForSetCompletion)
        {
            await put.ConfigureAwait(false);
        }

        return put;
    }
}
