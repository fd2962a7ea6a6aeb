using Hyperion.FakeZocalo.Centring;

namespace Hyperion.FakeZocalo.Service;

/// <summary>DLS's X-ray centring (<see cref="XrayCentring"/>) with the service's thresholds.</summary>
public sealed class DlsCentring(CentringOptions? options = null) : ICentringComputer
{
    /// <inheritdoc />
    public CentringOutcome Compute(IReadOnlyList<GridSpotCounts> grids) => XrayCentring.Centre(grids, options);
}
