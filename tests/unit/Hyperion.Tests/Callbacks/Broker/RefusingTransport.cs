using Hyperion.FakeZocalo.Transport;

namespace Hyperion.Cli.Tests.Callbacks.Broker;

/// <summary>A broker that refuses messages published with one routing key.</summary>
internal sealed class RefusingTransport(ITransport inner, string refuse) : DelegatingTransport(inner)
{
    public override Task PublishAsync(
        string exchange, string routingKey, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, object?>? headers = null, CancellationToken cancellationToken = default) =>
        routingKey == refuse
            ? Task.FromException(new TransportException($"the broker said no to '{routingKey}'"))
            : base.PublishAsync(exchange, routingKey, body, headers, cancellationToken);
}
