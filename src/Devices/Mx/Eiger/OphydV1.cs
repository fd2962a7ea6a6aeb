using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>
/// The ophyd v1 semantics dodal's Eiger relies on, over ophyd-async-style signals: a set is a put without callback
/// that completes when the readback equals the setpoint; await_value completes on the first matching value (the
/// current one counts); statuses AND-ed together fail with the first failure.
/// </summary>
internal static class OphydV1
{
    /// <summary>
    /// Puts <paramref name="value"/> (no callback) and waits until the readback equals it (or matches
    /// <paramref name="matches"/>); a null <paramref name="timeout"/> waits for ever, as ophyd's set does.
    /// </summary>
    public static async Task SetAsync<T>(SignalRW<T> signal, T value, TimeSpan? timeout, CancellationToken cancellationToken, Func<T, bool>? matches = null)
    {
        var started = Stopwatch.GetTimestamp();
        var limit = timeout ?? Timeout.InfiniteTimeSpan;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            await signal.SetAsync(value, wait: false, Timeout.InfiniteTimeSpan, deadline.Token).ConfigureAwait(false);
            await WaitAsync(signal, matches ?? (v => EqualityComparer<T>.Default.Equals(v, value)), deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DeviceSetTimeoutException(signal.Name, value, Stopwatch.GetElapsedTime(started), limit);
        }
    }

    /// <summary>Waits until <paramref name="signal"/> equals <paramref name="expected"/> (dodal's await_value); null waits for ever.</summary>
    public static async Task AwaitValueAsync<T>(SignalR<T> signal, T expected, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var limit = timeout ?? Timeout.InfiniteTimeSpan;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var last = new LastSeen<T>();
        try
        {
            await WaitAsync(signal, v => EqualityComparer<T>.Default.Equals(v, expected), deadline.Token, last).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AwaitValueTimeoutException(signal.Name, expected, last.Seen ? last.Value : null, limit);
        }
    }

    /// <summary>
    /// Runs <paramref name="operations"/> in parallel (ophyd's status &amp; status); the first to fail cancels the
    /// rest and its error is the one thrown.
    /// </summary>
    public static async Task AllAsync(CancellationToken cancellationToken, params Func<CancellationToken, Task>[] operations)
    {
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? first = null;
        async Task RunAsync(Func<CancellationToken, Task> operation)
        {
            try
            {
                await operation(siblings.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !siblings.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref first, e, null);
                await siblings.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        try
        {
            await Task.WhenAll(operations.Select(RunAsync)).ConfigureAwait(false);
        }
        catch (Exception) when (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }
    }

    private static async Task WaitAsync<T>(SignalR<T> signal, Func<T, bool> matches, CancellationToken cancellationToken, LastSeen<T>? last = null)
    {
        await foreach (var value in signal.ObserveValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (last is not null)
            {
                (last.Value, last.Seen) = (value, true);
            }

            if (matches(value))
            {
                return;
            }
        }
    }

    /// <summary>The last value an observation saw.</summary>
    private sealed class LastSeen<T>
    {
        public T? Value { get; set; }

        public bool Seen { get; set; }
    }
}
