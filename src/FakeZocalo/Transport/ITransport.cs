namespace Hyperion.FakeZocalo.Transport;

/// <summary>
/// A message broker as Zocalo uses it: durable queues consumed with manual acknowledgement, publishes confirmed by
/// the broker, the default direct exchange and topic exchanges. RabbitMQ and an in-memory bus implement it with
/// the same semantics, so the service and its tests run identically on either.
/// </summary>
public interface ITransport : IAsyncDisposable
{
    /// <summary>A short description for logs, e.g. <c>amqp://localhost:5672/</c> or <c>memory</c>.</summary>
    string Description { get; }

    /// <summary>Declares a queue (idempotent when the arguments match).</summary>
    Task DeclareQueueAsync(QueueSpec queue, CancellationToken cancellationToken = default);

    /// <summary>Declares a durable exchange (idempotent).</summary>
    Task DeclareExchangeAsync(string exchange, ExchangeKind kind, CancellationToken cancellationToken = default);

    /// <summary>Binds <paramref name="queue"/> to <paramref name="exchange"/> for <paramref name="routingKey"/>.</summary>
    Task BindQueueAsync(string queue, string exchange, string routingKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes a persistent message and returns once the broker has taken responsibility for it.
    /// Throws <see cref="UnroutableMessageException"/> when no queue takes it.
    /// </summary>
    /// <param name="exchange">The exchange; empty for the default exchange, where the routing key names the queue.</param>
    /// <param name="routingKey">The routing key.</param>
    /// <param name="body">The message body (JSON for Zocalo).</param>
    /// <param name="headers">AMQP headers (strings, booleans and numbers).</param>
    /// <param name="cancellationToken">Cancels waiting for the broker.</param>
    Task PublishAsync(
        string exchange,
        string routingKey,
        ReadOnlyMemory<byte> body,
        IReadOnlyDictionary<string, object?>? headers = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Consumes <paramref name="queue"/> until the returned subscription is disposed. Up to
    /// <see cref="SubscriptionOptions.Prefetch"/> deliveries run the handler at once; each is settled by the
    /// handler's <see cref="MessageDisposition"/>. A handler that throws has its message requeued once, then
    /// dead-lettered (see <see cref="DeliveryPolicy"/>).
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(
        string queue,
        Func<TransportMessage, CancellationToken, Task<MessageDisposition>> handler,
        SubscriptionOptions options,
        CancellationToken cancellationToken = default);
}
