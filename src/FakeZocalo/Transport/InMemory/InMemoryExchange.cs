namespace Hyperion.FakeZocalo.Transport.InMemory;

/// <summary>An exchange of the in-memory bus and its bindings.</summary>
internal sealed class InMemoryExchange(string name, ExchangeKind kind)
{
    private readonly Lock _gate = new();
    private readonly List<(string Queue, string RoutingKey)> _bindings = [];

    public string Name { get; } = name;

    public ExchangeKind Kind { get; } = kind;

    public void Bind(string queue, string routingKey)
    {
        lock (_gate)
        {
            if (!_bindings.Contains((queue, routingKey)))
            {
                _bindings.Add((queue, routingKey));
            }
        }
    }

    /// <summary>The queues a message with <paramref name="routingKey"/> goes to, each once.</summary>
    public IReadOnlyList<string> Route(string routingKey)
    {
        lock (_gate)
        {
            return _bindings
                .Where(b => Kind == ExchangeKind.Topic ? TopicPattern.Matches(b.RoutingKey, routingKey) : b.RoutingKey == routingKey)
                .Select(b => b.Queue)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
        }
    }
}
