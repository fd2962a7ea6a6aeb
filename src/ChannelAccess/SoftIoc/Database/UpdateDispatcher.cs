using System.Collections.Concurrent;
using Hyperion.ChannelAccess.Server;
using Microsoft.Extensions.Logging;

namespace Hyperion.ChannelAccess.SoftIoc.Database;

/// <summary>
/// Delivers monitor updates outside the database lock, in the order they were posted. Updates are queued while
/// the lock is held; whoever leaves the lock then drains the queue, one thread at a time, so a subscriber never
/// runs under the database lock (and may call back into the database) and never sees updates out of order.
/// </summary>
internal sealed partial class UpdateDispatcher(ILogger logger)
{
    private readonly ConcurrentQueue<(Subscription Subscription, PvUpdate Update)> _queue = new();
    private int _draining;

    public void Enqueue(Subscription subscription, PvUpdate update) => _queue.Enqueue((subscription, update));

    /// <summary>Delivers everything queued, unless another thread is already doing so.</summary>
    public void Drain()
    {
        while (!_queue.IsEmpty)
        {
            if (Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }

            try
            {
                while (_queue.TryDequeue(out var item))
                {
                    if (!item.Subscription.IsActive)
                    {
                        continue;
                    }

                    try
                    {
                        item.Subscription.Callback(item.Update);
                    }
#pragma warning disable CA1031 // A failing subscriber must not stop the others or the database.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        LogSubscriberFailed(e, item.Subscription.View.Name);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _draining, 0);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A monitor of {Pv} threw while handling an update")]
    private partial void LogSubscriberFailed(Exception exception, string pv);
}
