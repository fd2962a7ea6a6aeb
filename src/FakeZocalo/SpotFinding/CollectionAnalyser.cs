using Hyperion.FakeZocalo.Analysis;
using Hyperion.FakeZocalo.Frames;

namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// A collection's frames (a <see cref="FrameSource"/>) and the <see cref="PerImageAnalyser"/> for its detector: the
/// per-image service opens one per data collection and analyses each frame as it is written.
/// </summary>
public sealed class CollectionAnalyser : IDisposable
{
    private CollectionAnalyser(FrameSource source, PerImageAnalyser analyser)
    {
        Source = source;
        Analyser = analyser;
    }

    /// <summary>The frames.</summary>
    public FrameSource Source { get; }

    /// <summary>The analyser for the collection's detector, beam and mask.</summary>
    public PerImageAnalyser Analyser { get; }

    /// <summary>
    /// Opens the collection at <paramref name="path"/> (an NXmx master or a data file; see <see cref="FrameSource"/>),
    /// waiting for it to be written.
    /// </summary>
    /// <exception cref="FrameTimeoutException">The file was not written within the options' timeout.</exception>
    /// <exception cref="FrameException">The file cannot be read.</exception>
    public static async Task<CollectionAnalyser> OpenAsync(string path, FrameReaderOptions? options = null, SpotFinderSettings? settings = null, CancellationToken cancellationToken = default)
    {
        var source = await FrameSource.OpenAsync(path, options, cancellationToken).ConfigureAwait(false);
        try
        {
            return new CollectionAnalyser(source, new PerImageAnalyser(source.Detector, source.Beam, source.Mask, source.PixelType, settings));
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Waits for frame <paramref name="index"/> (0-based) and analyses it into Zocalo's per-image result.</summary>
    /// <exception cref="FrameTimeoutException">The frame was not written within the options' timeout.</exception>
    /// <exception cref="FrameException">The frame cannot be read.</exception>
    public async Task<ImageSpotSummary> AnalyseFrameAsync(int index, CancellationToken cancellationToken = default)
    {
        var frame = await Source.ReadFrameAsync(index, cancellationToken).ConfigureAwait(false);
        return Analyser.Analyse(frame.Pixels, frame.File, frame.Number, frame.SeenAt.ToUnixTimeMilliseconds() / 1000.0);
    }

    /// <summary>Waits for frame <paramref name="index"/> (0-based) and finds its spots.</summary>
    public async Task<(Frame Frame, SpotFindingResult Result)> FindSpotsAsync(int index, CancellationToken cancellationToken = default)
    {
        var frame = await Source.ReadFrameAsync(index, cancellationToken).ConfigureAwait(false);
        return (frame, Analyser.FindSpots(frame.Pixels));
    }

    /// <inheritdoc />
    public void Dispose() => Source.Dispose();
}
