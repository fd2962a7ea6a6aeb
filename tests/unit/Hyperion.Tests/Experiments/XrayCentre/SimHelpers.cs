using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Simulation;

namespace Hyperion.Cli.Tests.Experiments.XrayCentre;

/// <summary>Simulator answers the X-ray centring tests share.</summary>
internal static class SimHelpers
{
    /// <summary>Answers successive reads of <paramref name="readable"/> with <paramref name="values"/> in turn (the last repeats).</summary>
    public static void ReadSequence(RunEngineSimulator sim, IReadable readable, params object?[] values)
    {
        var i = 0;
        sim.AddHandler(
            Commands.Read,
            _ => new Dictionary<string, Reading>(StringComparer.Ordinal) { [readable.Name] = new Reading(values[Math.Min(i++, values.Length - 1)], 0) },
            readable.Name);
    }

    /// <summary>Answers the reads of zocalo's result arrays with <paramref name="results"/> (raw centres of mass).</summary>
    public static void ZocaloResults(RunEngineSimulator sim, ZocaloResults zocalo, params XrcResult[] results)
    {
        sim.AddReadHandlerFor(zocalo.CentreOfMass, results.SelectMany(r => r.CentreOfMass).ToArray());
        sim.AddReadHandlerFor(zocalo.MaxVoxel, results.SelectMany(r => r.MaxVoxel).ToArray());
        sim.AddReadHandlerFor(zocalo.MaxCount, results.Select(r => r.MaxCount).ToArray());
        sim.AddReadHandlerFor(zocalo.NVoxels, results.Select(r => r.NVoxels).ToArray());
        sim.AddReadHandlerFor(zocalo.TotalCount, results.Select(r => r.TotalCount).ToArray());
        sim.AddReadHandlerFor(zocalo.BoundingBox, results.SelectMany(r => r.BoundingBox.SelectMany(b => b)).ToArray());
        PublishResultRunStarts(sim);
        sim.AddReadHandlerFor(zocalo.SampleId, results.Select(r => r.SampleId ?? global::Hyperion.Devices.Mx.Zocalo.ZocaloResults.NoSampleId).ToArray());
    }

    /// <summary>
    /// Feeds the plan's subscribed callbacks the start document of each <c>xray_centre_results</c> run, as the
    /// RunEngine would, so its X-ray centre handler sees the results.
    /// </summary>
    public static void PublishResultRunStarts(RunEngineSimulator sim) =>
        sim.AddHandler(
            [Commands.OpenRun],
            msg =>
            {
                sim.FireCallback(DocumentName.Start, new RunStart
                {
                    Uid = Guid.NewGuid().ToString(),
                    Time = 0,
                    Metadata = new Dictionary<string, object?>(msg.Kwargs, StringComparer.Ordinal),
                });
                return null;
            },
            msg => Equals(msg.Run, Cli.Experiments.PlanNames.FlyscanResults));

    /// <summary>A crystal in box (10, 5, 3) with the given total count.</summary>
    public static XrcResult Crystal(long totalCount = 100) =>
        new([10.5, 5.5, 3.5], [10, 5, 3], 50, 4, totalCount, [[9, 4, 2], [12, 7, 5]], 123456);
}
