using System.Collections.Concurrent;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// Runs a handler for each posted item on the thread pool, one at a time and in the order posted, without a
/// dedicated thread: how subscription updates and connection-state events reach user code without ever running
/// under the client's lock or holding up a circuit's receive loop.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class SerialDispatcher<T> : IThreadPoolWorkItem
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly Action<T> _handler;
    private readonly Action<Exception> _onError;
    private int _running;
    private volatile bool _closed;

    /// <summary>Creates the dispatcher; <paramref name="onError"/> is told of exceptions the handler throws.</summary>
    public SerialDispatcher(Action<T> handler, Action<Exception> onError)
    {
        _handler = handler;
        _onError = onError;
    }

    /// <summary>Items posted and not yet handled.</summary>
    public int Backlog => _items.Count;

    /// <summary>Queues an item (ignored once closed).</summary>
    public void Post(T item)
    {
        if (_closed)
        {
            return;
        }

        _items.Enqueue(item);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Stops handling: queued items are dropped and none start after this returns (one may be running).</summary>
    public void Close()
    {
        _closed = true;
        _items.Clear();
    }

    /// <inheritdoc />
    public void Execute()
    {
        while (true)
        {
            while (!_closed && _items.TryDequeue(out var item))
            {
                try
                {
                    _handler(item);
                }
#pragma warning disable CA1031 // A user callback's failure must not stop later updates; it is reported instead.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _onError(e);
                }
            }

            Volatile.Write(ref _running, 0);
            if (_closed || _items.IsEmpty || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
