using Hyperion.Engine.Documents;

namespace Hyperion.Devices.Detectors;

/// <summary>Writes a detector's frames to files and describes them (ophyd-async's DetectorWriter).</summary>
public interface IDetectorWriter
{
    /// <summary>Opens the file(s) for the detector <paramref name="name"/>; returns the DataKeys of what it will write.</summary>
    Task<IReadOnlyDictionary<string, DataKey>> OpenAsync(string name, int exposuresPerEvent, CancellationToken cancellationToken);

    /// <summary>Indices (events) written so far.</summary>
    Task<long> GetIndicesWrittenAsync(CancellationToken cancellationToken);

    /// <summary>The count of indices written, each time it changes; fails if none arrives within <paramref name="timeout"/>.</summary>
    IAsyncEnumerable<long> ObserveIndicesWrittenAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>StreamResource (first time) and StreamDatum documents for the frames up to <paramref name="indicesWritten"/>.</summary>
    IAsyncEnumerable<Document> CollectStreamDocsAsync(string name, long indicesWritten, CancellationToken cancellationToken);

    /// <summary>Closes the file(s).</summary>
    Task CloseAsync(CancellationToken cancellationToken);
}
