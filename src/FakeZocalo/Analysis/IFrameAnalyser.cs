using Hyperion.FakeZocalo.Messages;

namespace Hyperion.FakeZocalo.Analysis;

/// <summary>Runs the per-image analysis on one frame, waiting (until the job's deadline) for it to be written.</summary>
public interface IFrameAnalyser
{
    /// <summary>Analyses the frame <paramref name="job"/> names.</summary>
    Task<ImageSpotSummary> AnalyseAsync(PerImageJob job, CancellationToken cancellationToken = default);
}
