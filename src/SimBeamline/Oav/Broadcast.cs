using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Hyperion.SimBeamline.Oav;

/// <summary>
/// The latest of a stream of values, for any number of watchers: each sees the current value first, then every
/// newer one it keeps up with (a slow watcher skips to the newest, as a camera's viewers drop frames).
/// </summary>
/// <typeparam name="T">The value.</typeparam>
/// <param name="order">A value's position in the stream, so that no watcher sees one twice or goes backwards.</param>
internal sealed class Broadcast<T>(Func<T, long> order)
    where T : class
{
    private readonly List<Channel<T>> _watchers = [];
    private T? _current;
    private bool _completed;

    /// <summary>The latest value, or null before the first.</summary>
    public T? Current => Volatile.Read(ref _current);

    /// <summary>Makes <paramref name="value"/> the latest and hands it to every watcher.</summary>
    public void Publish(T value)
    {
        lock (_watchers)
        {
            Volatile.Write(ref _current, value);
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(value);
            }
        }
    }

    /// <summary>Ends every watch: the stream has stopped.</summary>
    public void Complete()
    {
        lock (_watchers)
        {
            _completed = true;
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }
        }
    }

    /// <summary>The current value (if any), then each newer one until the stream ends or <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<T> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        T? current;
        lock (_watchers)
        {
            current = _current;
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _watchers.Add(channel);
            }
        }

        try
        {
            var last = long.MinValue;
            if (current is not null)
            {
                last = order(current);
                yield return current;
            }

            await foreach (var value in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (order(value) > last)
                {
                    last = order(value);
                    yield return value;
                }
            }
        }
        finally
        {
            lock (_watchers)
            {
                _watchers.Remove(channel);
            }
        }
    }
}
