namespace Hyperion.FakeZocalo.Transport.InMemory;

/// <summary>
/// One queue of the in-memory bus: messages in order, requeued ones first again, competing consumers (or a single
/// active one), expiry on its TTL.
/// </summary>
internal sealed class InMemoryQueue
{
    private readonly Lock _gate = new();
    private readonly LinkedList<InMemoryEnvelope> _ready = new();
    private readonly List<InMemoryConsumer> _consumers = [];
    private TaskCompletionSource _changed = NewSignal();

    public InMemoryQueue(QueueSpec spec) => Spec = spec;

    public QueueSpec Spec { get; }

    /// <summary>Messages waiting for a consumer.</summary>
    public int ReadyCount
    {
        get
        {
            lock (_gate)
            {
                return _ready.Count;
            }
        }
    }

    public void Enqueue(InMemoryEnvelope envelope)
    {
        lock (_gate)
        {
            _ready.AddLast(envelope);
        }

        Pulse();
    }

    public void Requeue(InMemoryEnvelope envelope)
    {
        lock (_gate)
        {
            _ready.AddFirst(envelope with { Redelivered = true });
        }

        Pulse();
    }

    public void Attach(InMemoryConsumer consumer)
    {
        lock (_gate)
        {
            _consumers.Add(consumer);
        }

        Pulse();
    }

    public void Detach(InMemoryConsumer consumer)
    {
        lock (_gate)
        {
            _consumers.Remove(consumer);
        }

        Pulse();
    }

    /// <summary>
    /// Takes the next message for <paramref name="consumer"/>, or returns null with a task that completes when the
    /// queue next changes. Expired messages met on the way are handed to <paramref name="expired"/>.
    /// </summary>
    public InMemoryEnvelope? TryTake(InMemoryConsumer consumer, DateTimeOffset now, List<InMemoryEnvelope> expired, out Task changed)
    {
        lock (_gate)
        {
            changed = _changed.Task;
            if (Spec.SingleActiveConsumer && (_consumers.Count == 0 || _consumers[0] != consumer))
            {
                return null;
            }

            while (_ready.First is { } first)
            {
                _ready.RemoveFirst();
                if (first.Value.ExpiresAt is { } expiry && expiry <= now)
                {
                    expired.Add(first.Value);
                    continue;
                }

                return first.Value;
            }

            return null;
        }
    }

    /// <summary>Removes and returns the messages whose time to live has passed.</summary>
    public List<InMemoryEnvelope> TakeExpired(DateTimeOffset now)
    {
        var expired = new List<InMemoryEnvelope>();
        lock (_gate)
        {
            for (var node = _ready.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.ExpiresAt is { } expiry && expiry <= now)
                {
                    expired.Add(node.Value);
                    _ready.Remove(node);
                }

                node = next;
            }
        }

        return expired;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Pulse()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = NewSignal();
        }

        old.TrySetResult();
    }
}
