using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.LoadCentreCollect;

/// <summary>Which crystals to collect from (mx-bluesky's hyperion centre_selection).</summary>
public static class CentreSelection
{
    /// <summary>The <paramref name="n"/> results with the highest max count, highest first (stable for ties).</summary>
    public static IReadOnlyList<XRayCentreResult> TopNByMaxCount(IEnumerable<XRayCentreResult> unfiltered, int n)
    {
        ArgumentNullException.ThrowIfNull(unfiltered);
        return [.. unfiltered.OrderByDescending(r => r.MaxCount).Take(Math.Max(n, 0))];
    }

    /// <summary>For each sample in order of first appearance, its <paramref name="n"/> results with the highest max count.</summary>
    public static IReadOnlyList<XRayCentreResult> TopNByMaxCountForEachSample(IEnumerable<XRayCentreResult> unfiltered, int n)
    {
        ArgumentNullException.ThrowIfNull(unfiltered);
        return [.. unfiltered.GroupBy(r => r.SampleId).SelectMany(g => g.OrderByDescending(r => r.MaxCount).Take(Math.Max(n, 0)))];
    }

    /// <summary>The selection function <paramref name="selection"/> names.</summary>
    /// <exception cref="ArgumentException">It is not one this knows.</exception>
    public static Func<IReadOnlyList<XRayCentreResult>, IReadOnlyList<XRayCentreResult>> ResolveSelectionFn(MultiXtalSelection selection) => selection switch
    {
        TopNByMaxCountSelection top => results => TopNByMaxCount(results, top.N),
        TopNByMaxCountForEachSampleSelection each => results => TopNByMaxCountForEachSample(results, each.N),
        _ => throw new ArgumentException($"Invalid selection function {selection?.GetType().Name}", nameof(selection)),
    };

    /// <summary>
    /// The sample ids and positions (µm) to collect at: the selected centres that have a sample id; with no results at
    /// all, <paramref name="defaultSampleId"/> where the goniometer is now, so a collection can go ahead without X-ray
    /// centring.
    /// </summary>
    public static async Plan<List<(long SampleId, double[] LocationUm)>> SamplesAndLocationsToCollect(
        MultiXtalSelection selection, Smargon gonio, long defaultSampleId, IReadOnlyList<XRayCentreResult>? xrcResults)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(gonio);
        if (xrcResults is { Count: > 0 })
        {
            var hits = ResolveSelectionFn(selection)(xrcResults);
            return [.. hits.Where(h => h.SampleId is not null).Select(h => (h.SampleId!.Value, h.CentreOfMassMm.Select(v => v * 1000).ToArray()))];
        }

        // No result and no error means no re-centring is needed: collect where the pin is.
        var x = ReadValues.AsDouble(await Stubs.Rd(gonio.X.UserReadback));
        var y = ReadValues.AsDouble(await Stubs.Rd(gonio.Y.UserReadback));
        var z = ReadValues.AsDouble(await Stubs.Rd(gonio.Z.UserReadback));
        return [(defaultSampleId, new[] { x * 1000, y * 1000, z * 1000 })];
    }
}
