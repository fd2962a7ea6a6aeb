using System.Text.Json.Nodes;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Experiments.RobotLoad;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Experiments.Snapshots;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.LoadCentreCollect;

/// <summary>
/// Unattended collection on one pin (mx-bluesky's load_centre_collect_full): load it if needed, pin-tip and X-ray
/// centre it, then, for each centre the selection picks (ordered by x), do the rotation sweeps there, alternating the
/// rotation direction. Everything runs inside a <c>load_centre_collect</c> run (run key; no <c>subplan_name</c>, as in
/// mx-bluesky) with <c>metadata</c> {sample_id, visit, container}, <c>activate_callbacks</c> = BeamDrawingCallback,
/// SampleHandlingCallback, AlertOnContainerChange and <c>with_snapshot</c>, the rotation's snapshot settings as JSON.
/// </summary>
public static class LoadCentreCollectPlan
{
    /// <summary>Whether each collection turns the other way to the last (I03Constants.ALTERNATE_ROTATION_DIRECTION).</summary>
    public const bool AlternateRotationDirection = true;

    /// <summary>The callbacks the outer run activates.</summary>
    public static IReadOnlyList<string> ActivatedCallbacks { get; } = ["BeamDrawingCallback", "SampleHandlingCallback", "AlertOnContainerChange"];

    /// <summary>The snapshot fields copied into <c>with_snapshot</c> (mx-bluesky's WithSnapshot fields).</summary>
    public static IReadOnlyList<string> WithSnapshotFields { get; } = ["snapshot_directory", "snapshot_omegas_deg", "use_grid_snapshots"];

    /// <summary>
    /// Loads, centres with <paramref name="centre"/> (whose X-ray centring results are gathered from its documents), and
    /// collects at the selected centres. <paramref name="oavParameters"/> and <paramref name="time"/> are for the rotation
    /// snapshots.
    /// </summary>
    /// <exception cref="CrystalNotFoundException">Centring found no crystal and the selection does not ignore that.</exception>
    public static Plan Run(
        HyperionDevices devices,
        Parameters.LoadCentreCollect parameters,
        Func<HyperionDevices, PinTipCentreThenXrayCentre, Plan> centre,
        OavSnapshotParameters? oavParameters = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(centre);
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["metadata"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["sample_id"] = parameters.SampleId,
                ["visit"] = parameters.Visit,
                ["container"] = parameters.SamplePuck,
            },
            ["activate_callbacks"] = ActivatedCallbacks.ToList(),
            ["with_snapshot"] = WithSnapshotJson(parameters.MultiRotationScan),
        };
        return Preprocessors.SetRunKey(
            Preprocessors.RunWrapper(PlanWithCallbackSubs(devices, parameters, centre, oavParameters, time), metadata),
            PlanNames.LoadCentreCollect);
    }

    /// <summary>
    /// The sweeps to collect: each template sweep at each location (µm) for its sample, with, when alternating, the
    /// direction flipped every sweep (the start moved to the old end so the same range is covered).
    /// </summary>
    public static IReadOnlyList<RotationScanPerSweep> RotationSweeps(
        IReadOnlyList<RotationScanPerSweep> template, IEnumerable<(long SampleId, double[] LocationUm)> samplesAndLocations, bool isAlternating)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(samplesAndLocations);
        var sweeps = new List<RotationScanPerSweep>();
        RotationDirection? nextDirection = null;
        foreach (var (sampleId, location) in samplesAndLocations)
        {
            foreach (var rotation in template)
            {
                nextDirection ??= rotation.RotationDirection;
                var scan = rotation with { XStartUm = location[0], YStartUm = location[1], ZStartUm = location[2], SampleId = sampleId };
                if (isAlternating)
                {
                    if (nextDirection != scan.RotationDirection)
                    {
                        var end = scan.OmegaStartDeg + (scan.RotationDirection.Multiplier() * scan.ScanWidthDeg);
                        scan = scan with { OmegaStartDeg = end, RotationDirection = nextDirection.Value };
                    }

                    nextDirection = nextDirection == RotationDirection.Positive ? RotationDirection.Negative : RotationDirection.Positive;
                }

                sweeps.Add(scan);
            }
        }

        return sweeps;
    }

    private static string WithSnapshotJson(RotationScan rotation)
    {
        var all = rotation.ToJson();
        var selected = new JsonObject();
        foreach (var field in WithSnapshotFields)
        {
            if (all.TryGetPropertyValue(field, out var value))
            {
                selected[field] = value?.DeepClone();
            }
        }

        return selected.ToJsonString();
    }

    private static async Plan PlanWithCallbackSubs(
        HyperionDevices devices,
        Parameters.LoadCentreCollect parameters,
        Func<HyperionDevices, PinTipCentreThenXrayCentre, Plan> centre,
        OavSnapshotParameters? oavParameters,
        TimeProvider? time)
    {
        var flyscanEventHandler = new XRayCentreEventHandler();
        try
        {
            await Preprocessors.Subs(
                RobotLoadThenCentrePlan.Run(devices, parameters.RobotLoadThenCentre, centre),
                [(DocumentCallback)flyscanEventHandler.OnDocument]);
        }
        catch (CrystalNotFoundException) when (parameters.SelectCentres.IgnoreXtalNotFound)
        {
            // The selection asked to carry on: collect where the pin is.
        }

        var samplesAndLocations = await CentreSelection.SamplesAndLocationsToCollect(
            parameters.SelectCentres, devices.Smargon, parameters.SampleId, flyscanEventHandler.XRayCentreResults);

        // Stable, as Python's sort: equal x keeps the selection's order.
        var ordered = samplesAndLocations.OrderBy(s => s.LocationUm[0]).ToList();

        var template = parameters.MultiRotationScan;
        var sweeps = RotationSweeps(template.RotationScans, ordered, AlternateRotationDirection);
        var multiRotation = (RotationScan)ParameterBinder.Bind(typeof(RotationScan), (template with { RotationScans = sweeps }).ToJson());
        if (multiRotation.DemandEnergyEv != parameters.RobotLoadThenCentre.DemandEnergyEv)
        {
            throw new ArgumentException("Setting a different energy for gridscan and rotation is not supported", nameof(parameters));
        }

        await RotationScanPlan.RotationScanInternal(devices, multiRotation, oavParameters, time);
    }
}
