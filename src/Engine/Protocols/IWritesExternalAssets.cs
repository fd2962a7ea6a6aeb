using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Protocols;

/// <summary>A readable whose reads produce Resource and Datum documents (old-style external data).</summary>
public interface IWritesExternalAssets
{
    /// <summary>Yields the Resource and Datum documents produced since the last call.</summary>
    IAsyncEnumerable<Document> CollectAssetDocsAsync(CancellationToken cancellationToken = default);
}
