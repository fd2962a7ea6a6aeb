namespace Hyperion.Engine.Protocols;

/// <summary>A collectable that yields pages of events.</summary>
public interface IEventPageCollectable : ICollectable
{
    /// <summary>Yields the pages collected since the last call.</summary>
    IAsyncEnumerable<PartialEventPage> CollectPagesAsync(CancellationToken cancellationToken = default);
}
