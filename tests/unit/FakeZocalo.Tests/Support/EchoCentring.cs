using System.Text.Json.Nodes;
using Hyperion.FakeZocalo.Service;

namespace Hyperion.FakeZocalo.Tests.Support;

/// <summary>
/// A centring stand-in that reports what it was given: one result holding the grids' dcids and counts, or none when
/// every count is zero (so the service's plumbing is tested apart from the algorithm).
/// </summary>
public sealed class EchoCentring : ICentringComputer
{
    public JsonArray Compute(IReadOnlyList<GridCounts> grids)
    {
        if (grids.All(g => g.SpotCounts.All(c => c == 0)))
        {
            return [];
        }

        var dcids = new JsonArray(grids.Select(g => (JsonNode)g.Collection.Dcid).ToArray());
        var counts = new JsonArray(grids.Select(g => (JsonNode)new JsonArray(g.SpotCounts.Select(c => (JsonNode)c).ToArray())).ToArray());
        return [new JsonObject { ["dcids"] = dcids, ["counts"] = counts, ["centre_of_mass"] = new JsonArray(1.5, 2.5, 3.5), ["max_voxel"] = new JsonArray(1, 2, 3) }];
    }
}
