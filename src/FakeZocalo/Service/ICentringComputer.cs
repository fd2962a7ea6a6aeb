using Hyperion.FakeZocalo.Centring;

namespace Hyperion.FakeZocalo.Service;

/// <summary>Turns a group's grids of spot counts into X-ray centring results.</summary>
public interface ICentringComputer
{
    /// <summary>The results (none when nothing diffracted) for one or two grids ordered by ascending dcid.</summary>
    CentringOutcome Compute(IReadOnlyList<GridSpotCounts> grids);
}
