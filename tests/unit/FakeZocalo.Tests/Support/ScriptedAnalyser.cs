using System.Collections.Concurrent;
using Hyperion.FakeZocalo.Analysis;
using Hyperion.FakeZocalo.Messages;

namespace Hyperion.FakeZocalo.Tests.Support;

/// <summary>Per-image analysis that answers from a script: spots per frame index, and frames that never arrive.</summary>
public sealed class ScriptedAnalyser(Func<int, int> spots, ISet<int>? missing = null) : IFrameAnalyser
{
    public ConcurrentQueue<PerImageJob> Jobs { get; } = new();

    public Task<ImageSpotSummary> AnalyseAsync(PerImageJob job, CancellationToken cancellationToken = default)
    {
        Jobs.Enqueue(job);
        if (missing?.Contains(job.FrameIndex) == true)
        {
            throw new FrameAnalysisException(job.Filename, job.FrameIndex, "not written before its deadline");
        }

        var count = spots(job.FrameIndex);
        return Task.FromResult(new ImageSpotSummary(job.Filename, job.ImageNumber, 0, count, count, count, count * 100.0, count > 10 ? 2.0 : -1));
    }
}
