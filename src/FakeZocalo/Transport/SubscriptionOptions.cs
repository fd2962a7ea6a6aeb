namespace Hyperion.FakeZocalo.Transport;

/// <summary>How a subscription consumes its queue.</summary>
/// <param name="Prefetch">How many unsettled deliveries this consumer may hold at once (at least 1).</param>
/// <param name="ConsumerTag">A name for logs and the broker's consumer list.</param>
public sealed record SubscriptionOptions(int Prefetch = 1, string? ConsumerTag = null)
{
    /// <summary>Throws when the options cannot be honoured.</summary>
    public void Validate()
    {
        if (Prefetch < 1 || Prefetch > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(Prefetch), Prefetch, "Prefetch must be between 1 and 65535.");
        }
    }
}
