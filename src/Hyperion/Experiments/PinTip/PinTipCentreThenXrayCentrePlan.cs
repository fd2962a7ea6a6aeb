using Hyperion.Cli.Experiments.GridDetection;
using Hyperion.Cli.Experiments.Gridscan;
using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Experiments.Snapshots;
using Hyperion.Cli.Experiments.XrayCentre;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.PinTip;

/// <summary>
/// Pin-tip centring then X-ray centring (mx-bluesky's pin_centre_then_gridscan_plan and
/// pin_tip_centre_then_xray_centre).
/// </summary>
public static class PinTipCentreThenXrayCentrePlan
{
    /// <summary>The callbacks <see cref="RunWithCentreSelection"/>'s run activates.</summary>
    public static IReadOnlyList<string> ActivatedCallbacks { get; } = ["BeamDrawingCallback"];

    /// <summary>
    /// The centring robot_load_then_centre and load_centre_collect run (mx-bluesky's pin_centre_then_gridscan_plan):
    /// inside a <c>grid_detect_and_do_gridscan</c> run (activating the ISPyB callback), with zocalo staged: the
    /// beamline set up for the OAV and phi/chi moved (in <see cref="PlanGroups.ReadyForOav"/>), pin-tip centring at
    /// <c>tip_offset_um</c>, grid detection and the flyscan with the XBPM feedback paused around the
    /// <c>run_gridscan_move_and_tidy</c> run, then zocalo's results fetched and published in an
    /// <c>xray_centre_results</c> run for an <see cref="XRayCentreEventHandler"/>. It does not move to the crystal.
    /// </summary>
    /// <exception cref="Errors.SampleException">The pin could not be centred, or the grid was invalid.</exception>
    /// <exception cref="Errors.CrystalNotFoundException">Zocalo found no crystal.</exception>
    public static Plan Run(HyperionDevices devices, PinTipCentreThenXrayCentre parameters)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        return IspybActivation.IspybActivationWrapper(
            XrcResultsUtils.ZocaloStageWrapper(PinCentreThenGridscanAndXrc(devices, parameters), devices.Zocalo), parameters);
    }

    /// <summary>
    /// mx-bluesky's pin_tip_centre_then_xray_centre: <see cref="Run"/> inside a <c>pin_tip_centre_then_xray_centre</c>
    /// run (metadata {sample_id, visit, container}; activating the BeamDrawingCallback), then a move to the first centre
    /// <paramref name="centreSelection"/> picks from the results.
    /// </summary>
    public static Plan RunWithCentreSelection(HyperionDevices devices, PinTipCentreThenXrayCentre parameters, MultiXtalSelection centreSelection)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(centreSelection);
        EigerParameters.Apply(devices.Eiger, parameters.DetectorParams, devices.Beamline.Configuration);
        var handler = new XRayCentreEventHandler();
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["metadata"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["sample_id"] = parameters.SampleId,
                ["visit"] = parameters.Visit,
                ["container"] = parameters.SamplePuck,
            },
            ["activate_callbacks"] = ActivatedCallbacks.ToList(),
        };
        return Preprocessors.Subs(
            Preprocessors.SetRunKey(
                Preprocessors.RunWrapper(PinCentreFlyscanThenMoveToSelection(devices, parameters, centreSelection, handler), metadata),
                PlanNames.PinTipCentreThenXrc),
            [(DocumentCallback)handler.OnDocument]);
    }

    /// <summary>The grid-detection parameters: <paramref name="parameters"/> without the tip offset.</summary>
    public static GridScanWithEdgeDetect CreateParametersForGridDetection(PinTipCentreThenXrayCentre parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var json = parameters.ToJson();
        json.Remove("tip_offset_um");
        return HyperionParameters.Load<GridScanWithEdgeDetect>(json);
    }

    private static async Plan PinCentreThenGridscanAndXrc(HyperionDevices devices, PinTipCentreThenXrayCentre parameters)
    {
        await OavSnapshotPlan.SetupBeamlineForOav(devices.Smargon, devices.Backlight, devices.ApertureScatterguard);
        await ManipulateSample.MovePhiChi(devices.Smargon, parameters.PhiStartDeg, parameters.ChiStartDeg, group: PlanGroups.ReadyForOav);
        await PinTipCentringPlan.PinTipCentrePlan(devices.Oav, devices.Smargon, devices.PinTipDetection, parameters.TipOffsetUm);

        var gridDetectParams = CreateParametersForGridDetection(parameters);
        SpecifiedThreeDGridScan? specifiedGridParams = null;
        await XbpmPauseWrapper.PauseXbpmFeedbackDuringCollectionAtDesiredTransmission(
            GridDetectAndGridscan(), devices.XbpmFeedback, devices.Attenuator, parameters.TransmissionFrac, PlanNames.GridscanOuter);
        await XrcResultsUtils.FetchXrcResultsFromZocalo(
            devices.Zocalo,
            specifiedGridParams ?? throw new InvalidOperationException("Specified grid params couldn't be found after grid detection"),
            devices.Baton);

        async Plan GridDetectAndGridscan() =>
            specifiedGridParams = await GridDetectThenXrayCentrePlan.DetectGridAndDoGridscan(devices, gridDetectParams);
    }

    private static async Plan PinCentreFlyscanThenMoveToSelection(
        HyperionDevices devices, PinTipCentreThenXrayCentre parameters, MultiXtalSelection centreSelection, XRayCentreEventHandler handler)
    {
        await Run(devices, parameters);
        var samplesAndLocations = await CentreSelection.SamplesAndLocationsToCollect(
            centreSelection, devices.Smargon, parameters.SampleId, handler.XRayCentreResults);
        if (samplesAndLocations.Count > 0)
        {
            // The locations are µm in motor coordinates.
            var location = samplesAndLocations[0].LocationUm;
            await Stubs.AbsSet(
                devices.Smargon, new CombinedMove { X = location[0] / 1000, Y = location[1] / 1000, Z = location[2] / 1000 }, wait: true);
        }
    }
}
