namespace Hyperion.FakeZocalo.Transport.InMemory;

/// <summary>A message waiting in, or delivered from, an in-memory queue.</summary>
internal sealed record InMemoryEnvelope(
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, object?> Headers,
    string Exchange,
    string RoutingKey,
    DateTimeOffset? ExpiresAt,
    bool Redelivered = false);
