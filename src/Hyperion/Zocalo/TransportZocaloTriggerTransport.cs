using System.Text;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.FakeZocalo.Transport;

namespace Hyperion.Cli.Zocalo;

/// <summary>
/// dodal's zocalo trigger over one of the fake Zocalo's transports (in-memory or RabbitMQ): each recipe message goes
/// to its queue through the default exchange, as the workflows transport sends it. The environment names the broker
/// in dodal; here the transport is already the broker, so it is only recorded.
/// </summary>
public sealed class TransportZocaloTriggerTransport(ITransport transport) : IZocaloTriggerTransport
{
    /// <inheritdoc/>
    public Task SendAsync(string environment, string destination, ZocaloRecipeMessage message, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(headers);
        var amqpHeaders = headers.ToDictionary(h => h.Key, h => (object?)h.Value, StringComparer.Ordinal);
        return transport.PublishAsync(string.Empty, destination, Encoding.UTF8.GetBytes(message.ToJson()), amqpHeaders, cancellationToken);
    }
}
