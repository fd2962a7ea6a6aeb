namespace Hyperion.FakeZocalo.Transport;

/// <summary>A published message that no queue would take (no such queue, or no binding matches).</summary>
public sealed class UnroutableMessageException : TransportException
{
    /// <summary>Creates the error for a message published to <paramref name="exchange"/> with <paramref name="routingKey"/>.</summary>
    public UnroutableMessageException(string exchange, string routingKey)
        : base($"No queue takes messages published to exchange '{(exchange.Length == 0 ? "(default)" : exchange)}' with routing key '{routingKey}'.")
    {
        Exchange = exchange;
        RoutingKey = routingKey;
    }

    /// <summary>The exchange published to.</summary>
    public string Exchange { get; }

    /// <summary>The routing key published with.</summary>
    public string RoutingKey { get; }
}
