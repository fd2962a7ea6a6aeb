using Hyperion.FakeZocalo.Transport;

namespace Hyperion.Cli.Tests.Callbacks.Broker;

/// <summary>A broker that passes everything to another; tests override what they need to misbehave.</summary>
internal abstract class DelegatingTransport(ITransport inner) : ITransport
{
    public string Description => "test broker";

    public Task DeclareQueueAsync(QueueSpec queue, CancellationToken cancellationToken = default) => inner.DeclareQueueAsync(queue, cancellationToken);

    public Task DeclareExchangeAsync(string exchange, ExchangeKind kind, CancellationToken cancellationToken = default) =>
        inner.DeclareExchangeAsync(exchange, kind, cancellationToken);

    public Task BindQueueAsync(string queue, string exchange, string routingKey, CancellationToken cancellationToken = default) =>
        inner.BindQueueAsync(queue, exchange, routingKey, cancellationToken);

    public virtual Task PublishAsync(
        string exchange, string routingKey, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, object?>? headers = null, CancellationToken cancellationToken = default) =>
        inner.PublishAsync(exchange, routingKey, body, headers, cancellationToken);

    public Task<IAsyncDisposable> SubscribeAsync(
        string queue, Func<TransportMessage, CancellationToken, Task<MessageDisposition>> handler, SubscriptionOptions options, CancellationToken cancellationToken = default) =>
        inner.SubscribeAsync(queue, handler, options, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
