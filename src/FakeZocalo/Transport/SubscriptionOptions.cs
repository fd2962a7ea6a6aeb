namespace Hyperion.FakeZocalo.Transport;

/// <summary>How a subscription consumes its queue.</summary>
/// <param name="Prefetch">How many unsettled deliveries this consumer may hold at once (at least 1).</param>
/// <param name="ConsumerTag">A name for logs and the broker's consumer list.</param>
/// <param name="Concurrency">
/// How many handlers run at once (default: <paramref name="Prefetch"/>); 1 keeps deliveries in queue order, as a
/// reducer that holds its inputs needs.
/// </param>
public sealed record SubscriptionOptions(int Prefetch = 1, string? ConsumerTag = null, int? Concurrency = null)
{
    /// <summary>How many handlers run at once.</summary>
    public int HandlerConcurrency => Math.Min(Concurrency ?? Prefetch, Prefetch);

    /// <summary>Throws when the options cannot be honoured.</summary>
    public void Validate()
    {
        if (Prefetch < 1 || Prefetch > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(Prefetch), Prefetch, "Prefetch must be between 1 and 65535.");
        }

        if (Concurrency is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Concurrency), Concurrency, "Concurrency must be at least 1.");
        }
    }
}
