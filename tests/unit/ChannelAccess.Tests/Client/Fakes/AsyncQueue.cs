using System.Threading.Channels;

namespace Hyperion.ChannelAccess.Tests.Client.Fakes;

/// <summary>
/// Items arriving from another thread (datagrams, messages, updates), awaited one at a time with a real-time
/// limit: tests wait on the condition itself, never on a sleep.
/// </summary>
public sealed class AsyncQueue<T>
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();
    private readonly List<T> _history = [];

    public int Count
    {
        get
        {
            lock (_history)
            {
                return _history.Count;
            }
        }
    }

    public IReadOnlyList<T> History
    {
        get
        {
            lock (_history)
            {
                return [.. _history];
            }
        }
    }

    public void Add(T item)
    {
        lock (_history)
        {
            _history.Add(item);
        }

        _channel.Writer.TryWrite(item);
    }

    /// <summary>Discards the items waiting (the history keeps them).</summary>
    public void Clear()
    {
        while (_channel.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>True (and the item) when one is already waiting.</summary>
    public bool TryTake(out T item) => _channel.Reader.TryRead(out item!);

    public Task<T> NextAsync(TimeSpan? timeout = null) => NextAsync(static _ => true, timeout);

    public async Task<T> NextAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var item = await _channel.Reader.ReadAsync(cts.Token);
                if (match(item))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching {typeof(T).Name} within {(timeout ?? DefaultTimeout).TotalSeconds} s.");
        }
    }
}
