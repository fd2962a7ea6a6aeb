using Hyperion.Devices.Backends;

namespace Hyperion.Devices.Signals;

/// <summary>How every writable signal puts: within a time-out, retried up to a number of attempts on time-out.</summary>
internal static class SignalPuts
{
    public static async Task PutAsync<T>(SignalBase<T> signal, T value, bool wait, TimeSpan? timeout, int attempts, CancellationToken cancellationToken)
    {
        var limit = timeout ?? signal.Timeout;
        for (var attempt = 1; ; attempt++)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (limit != Timeout.InfiniteTimeSpan)
            {
                deadline.CancelAfter(limit);
            }

            try
            {
                await signal.Backend.PutAsync(value, wait, deadline.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= attempts)
                {
                    var tries = attempts > 1 ? $" ({attempts} attempts)" : string.Empty;
                    throw new TimeoutException($"{signal.Name} ({signal.Source}): put of {SignalR<T>.Format(value)} did not complete within {limit.TotalSeconds:0.###} s{tries}.");
                }
            }
        }
    }
}
