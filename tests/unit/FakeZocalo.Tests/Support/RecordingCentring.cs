using System.Collections.Concurrent;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Service;

namespace Hyperion.FakeZocalo.Tests.Support;

/// <summary>DLS's centring, recording the grids of counts it was given (so tests see what the reducer assembled).</summary>
public sealed class RecordingCentring : ICentringComputer
{
    public ConcurrentQueue<IReadOnlyList<GridSpotCounts>> Inputs { get; } = new();

    public CentringOutcome Compute(IReadOnlyList<GridSpotCounts> grids)
    {
        Inputs.Enqueue(grids);
        return XrayCentring.Centre(grids);
    }
}
