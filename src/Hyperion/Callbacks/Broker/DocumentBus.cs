using Hyperion.FakeZocalo.Transport;

namespace Hyperion.Cli.Callbacks.Broker;

/// <summary>
/// Where Hyperion's documents cross the broker to its callbacks process (mx-bluesky's <c>--external-callbacks</c>,
/// which uses a 0MQ proxy): the durable topic exchange <see cref="Exchange"/>, routing key the document's name, and the
/// durable queue <see cref="Queue"/> bound to all of it, whose rejected messages go to <see cref="DeadLetterQueue"/>.
/// Both sides declare the same topology, so documents published before the callbacks process starts wait for it.
/// </summary>
public static class DocumentBus
{
    /// <summary>The topic exchange documents are published to.</summary>
    public const string Exchange = "hyperion.documents";

    /// <summary>The queue the callbacks process consumes.</summary>
    public const string Queue = "hyperion.callbacks";

    /// <summary>Where malformed documents go, through the default exchange.</summary>
    public const string DeadLetterQueue = "dlq." + Queue;

    /// <summary>The binding: every routing key.</summary>
    public const string AllDocuments = "#";

    /// <summary>The header carrying a document's sequence number within its publisher (1, 2, ...).</summary>
    public const string SequenceHeader = "hyperion.document_seq";

    /// <summary>The header naming the publishing process, so a consumer can tell one publisher's sequence from another's.</summary>
    public const string PublisherHeader = "hyperion.publisher";

    /// <summary>The queue's declaration: durable (quorum), dead-lettering to <see cref="DeadLetterQueue"/>.</summary>
    public static QueueSpec QueueSpec { get; } = new(Queue, Quorum: true, DeadLetterQueue: DeadLetterQueue);

    /// <summary>Declares the exchange, the dead-letter queue and the queue, and binds the queue (idempotent).</summary>
    /// <param name="transport">The broker.</param>
    /// <param name="cancellationToken">Cancels the declarations.</param>
    /// <exception cref="TransportException">The broker refused a declaration.</exception>
    public static async Task DeclareAsync(ITransport transport, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        await transport.DeclareExchangeAsync(Exchange, ExchangeKind.Topic, cancellationToken).ConfigureAwait(false);
        await transport.DeclareQueueAsync(new QueueSpec(DeadLetterQueue, Quorum: true), cancellationToken).ConfigureAwait(false);
        await transport.DeclareQueueAsync(QueueSpec, cancellationToken).ConfigureAwait(false);
        await transport.BindQueueAsync(Queue, Exchange, AllDocuments, cancellationToken).ConfigureAwait(false);
    }
}
