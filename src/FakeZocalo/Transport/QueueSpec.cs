namespace Hyperion.FakeZocalo.Transport;

/// <summary>
/// A queue as Zocalo declares it: durable, by default a quorum queue whose rejected and expired messages go to
/// <c>dlq.{name}</c>.
/// </summary>
/// <param name="Name">The queue's name.</param>
/// <param name="Quorum">Declare as a quorum queue (<c>x-queue-type: quorum</c>).</param>
/// <param name="DeadLetterQueue">Where rejected and expired messages go, through the default exchange; null for nowhere.</param>
/// <param name="MessageTtl">How long a message may wait before it expires; null for no limit.</param>
/// <param name="SingleActiveConsumer">Deliver to one consumer at a time, the others standing by to take over.</param>
public sealed record QueueSpec(
    string Name,
    bool Quorum = true,
    string? DeadLetterQueue = null,
    TimeSpan? MessageTtl = null,
    bool SingleActiveConsumer = false)
{
    /// <summary>A quorum queue dead-lettering to <c>dlq.{name}</c>, as Zocalo declares its service queues.</summary>
    public static QueueSpec WithDeadLetters(string name, TimeSpan? messageTtl = null, bool singleActiveConsumer = false) =>
        new(name, Quorum: true, DeadLetterQueue: "dlq." + name, MessageTtl: messageTtl, SingleActiveConsumer: singleActiveConsumer);

    /// <summary>The queue's declaration arguments, as RabbitMQ spells them.</summary>
    public IDictionary<string, object?> Arguments()
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Quorum)
        {
            arguments["x-queue-type"] = "quorum";
        }

        if (DeadLetterQueue is not null)
        {
            arguments["x-dead-letter-exchange"] = string.Empty;
            arguments["x-dead-letter-routing-key"] = DeadLetterQueue;
        }

        if (MessageTtl is { } ttl)
        {
            arguments["x-message-ttl"] = (long)ttl.TotalMilliseconds;
        }

        if (SingleActiveConsumer)
        {
            arguments["x-single-active-consumer"] = true;
        }

        return arguments;
    }
}
