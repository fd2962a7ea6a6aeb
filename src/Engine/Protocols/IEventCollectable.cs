namespace Hyperion.Engine.Protocols;

/// <summary>A collectable that yields events one by one.</summary>
public interface IEventCollectable : ICollectable
{
    /// <summary>Yields the events collected since the last call.</summary>
    IAsyncEnumerable<PartialEvent> CollectAsync(CancellationToken cancellationToken = default);
}
