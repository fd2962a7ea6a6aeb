namespace Hyperion.FakeZocalo.Service;

/// <summary>What the service looks up in ISPyB: a data collection by dcid, and the collections of a group.</summary>
public interface ICollectionCatalog
{
    /// <summary>The collection with <paramref name="dcid"/>, or null when ISPyB has none.</summary>
    Task<CollectionRecord?> FindCollectionAsync(long dcid, CancellationToken cancellationToken = default);

    /// <summary>The collections of group <paramref name="dcgid"/>, in ascending dcid.</summary>
    Task<IReadOnlyList<CollectionRecord>> GroupCollectionsAsync(long dcgid, CancellationToken cancellationToken = default);
}
