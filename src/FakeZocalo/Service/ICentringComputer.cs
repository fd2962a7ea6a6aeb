using System.Text.Json.Nodes;

namespace Hyperion.FakeZocalo.Service;

/// <summary>Turns a group's grids of spot counts into the X-ray centring results list, as sent on the wire.</summary>
public interface ICentringComputer
{
    /// <summary>The results (<c>[]</c> when nothing diffracted) for one or two grids ordered by ascending dcid.</summary>
    JsonArray Compute(IReadOnlyList<GridCounts> grids);
}
