using Hyperion.ChannelAccess.Dbr;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// Subscription updates waiting to be encoded for one circuit, in arrival order (dbEvent.c's event queue).
/// Scalars queue up to <see cref="SoftCapacity"/> entries; beyond that, and always for arrays or while the client
/// has turned events off, a new update replaces the subscription's newest queued one, so a slow client gets the
/// latest values rather than unbounded memory. While events are off the queue only drains duplicates, keeping
/// the latest update of each subscription until events are on again. Not thread-safe (the circuit's output lock).
/// </summary>
internal sealed class UpdateQueue(int softCapacity)
{
    private Entry[] _ring = new Entry[16];
    private int _head;
    private int _count;
    private int _duplicates;

    /// <summary>Entries beyond which updates of subscriptions that already have one queued are merged.</summary>
    public int SoftCapacity { get; } = Math.Max(1, softCapacity);

    /// <summary>Entries waiting.</summary>
    public int Count => _count;

    /// <summary>
    /// Queues <paramref name="value"/> for <paramref name="subscription"/>, or replaces its newest queued update
    /// when <paramref name="merge"/> is set, the queue is at its soft capacity, or the value is an array.
    /// Returns true when a new entry was added.
    /// </summary>
    public bool Enqueue(ServerSubscription subscription, DbrValue value, bool merge)
    {
        if (subscription.Pending > 0 && (merge || value.Count > 1 || _count >= SoftCapacity))
        {
            _ring[subscription.LastIndex].Value = value;
            return false;
        }

        if (_count == _ring.Length)
        {
            Grow();
        }

        var index = (_head + _count) % _ring.Length;
        _ring[index] = new Entry(subscription, value);
        if (subscription.Pending > 0)
        {
            _duplicates++;
        }

        subscription.Pending++;
        subscription.LastIndex = index;
        _count++;
        return true;
    }

    /// <summary>
    /// Takes the oldest entry; while <paramref name="eventsOff"/> only as long as some subscription has more than
    /// one entry queued. Entries of cancelled subscriptions are dropped on the way.
    /// </summary>
    public bool TryDequeue(bool eventsOff, out ServerSubscription subscription, out DbrValue value)
    {
        while (_count > 0 && (!eventsOff || _duplicates > 0))
        {
            var entry = _ring[_head];
            _ring[_head] = default;
            _head = (_head + 1) % _ring.Length;
            _count--;
            var sub = entry.Subscription!;
            if (sub.Pending > 1)
            {
                _duplicates--;
            }

            sub.Pending--;
            if (sub.Cancelled)
            {
                continue;
            }

            subscription = sub;
            value = entry.Value!;
            return true;
        }

        subscription = null!;
        value = null!;
        return false;
    }

    private void Grow()
    {
        var bigger = new Entry[_ring.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            var entry = _ring[(_head + i) % _ring.Length];
            bigger[i] = entry;
            entry.Subscription!.LastIndex = i;
        }

        _ring = bigger;
        _head = 0;
    }

    private struct Entry(ServerSubscription subscription, DbrValue value)
    {
        public ServerSubscription? Subscription = subscription;
        public DbrValue? Value = value;
    }
}
