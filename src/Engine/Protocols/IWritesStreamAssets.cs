using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Protocols;

/// <summary>A detector that writes frames to files and describes them with StreamResource and StreamDatum documents.</summary>
public interface IWritesStreamAssets
{
    /// <summary>Yields StreamResource and StreamDatum documents for the frames up to <paramref name="index"/> (all written frames when null).</summary>
    IAsyncEnumerable<Document> CollectStreamDocsAsync(long? index, CancellationToken cancellationToken = default);

    /// <summary>The number of frames written so far.</summary>
    ValueTask<long> GetIndexAsync(CancellationToken cancellationToken = default);
}
