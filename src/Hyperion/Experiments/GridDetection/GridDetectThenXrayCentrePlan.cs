using Hyperion.Cli.Experiments.DeviceSetup;
using Hyperion.Cli.Experiments.Gridscan;
using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Experiments.PinTip;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Experiments.Snapshots;
using Hyperion.Cli.Experiments.XrayCentre;
using Hyperion.Cli.Parameters;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using InOut = Hyperion.Devices.Mx.Oav.InOut;

namespace Hyperion.Cli.Experiments.GridDetection;

/// <summary>
/// Grid detection then the X-ray centring flyscan on the grids found (mx-bluesky's
/// common_grid_detect_then_xray_centre_plan, with Hyperion's flyscan features).
/// </summary>
public static class GridDetectThenXrayCentrePlan
{
    /// <summary>
    /// The <c>grid_detect_then_xray_centre</c> plan: gives the Eiger its settings and, while the detector is prepared
    /// (armed, beamstop in, moved, shutter open, in <see cref="PlanGroups.GridReadyForDc"/>), with zocalo staged,
    /// inside a <c>grid_detect_and_do_gridscan</c> run: detects the grids, flyscans them with the XBPM feedback paused
    /// around the <c>run_gridscan_move_and_tidy</c> run, fetches and publishes zocalo's results, then moves to the best
    /// crystal.
    /// </summary>
    /// <exception cref="Errors.CrystalNotFoundException">Zocalo found no crystal.</exception>
    public static Plan Run(HyperionDevices devices, GridScanWithEdgeDetect parameters)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        var detectorParams = parameters.DetectorParams;
        EigerParameters.Apply(devices.Eiger, detectorParams, devices.Beamline.Configuration);
        var handler = new XRayCentreEventHandler();
        var planToPerform = Preprocessors.Subs(
            XrcResultsUtils.ZocaloStageWrapper(DetectScanFetchAndMove(devices, parameters, handler), devices.Zocalo),
            [(DocumentCallback)handler.OnDocument]);
        return DataCollectionPreparation.StartPreparingDataCollectionThenDoPlan(
            devices.Beamstop, devices.Eiger, devices.DetectorMotion, detectorParams.DetectorDistance, planToPerform, PlanGroups.GridReadyForDc);
    }

    /// <summary>
    /// Detects the grids and flyscans them (mx-bluesky's detect_grid_and_do_gridscan): the beamline set up for the OAV,
    /// the aperture prepared, the grids detected at two angles (the snapshots named <c>{prefix}_{run}_{angle}</c>), the
    /// backlight out and the aperture in, then the flyscan. Returns the grid-scan parameters it made.
    /// </summary>
    /// <exception cref="Errors.WarningException">No pin tip was found at an angle.</exception>
    public static async Plan<SpecifiedThreeDGridScan> DetectGridAndDoGridscan(
        HyperionDevices devices, GenericGrid parameters, OavCentringParameters? oavParameters = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        var detectorParams = parameters.DetectorParams;
        var snapshotTemplate = $"{detectorParams.Prefix}_{RunNumber(detectorParams)}_{{angle}}";
        var gridParamsCallback = new GridDetectionCallback(devices.Oav, devices.Smargon);

        await OavSnapshotPlan.SetupBeamlineForOav(devices.Smargon, devices.Backlight, devices.ApertureScatterguard, wait: true);
        if (parameters.SelectedAperture is { } aperture)
        {
            // Start moving the aperture/scatterguard into position without moving it in.
            await Stubs.Prepare(devices.ApertureScatterguard, aperture, PlanGroups.PrepareAperture);
        }

        await Preprocessors.Subs(
            OavGridDetectionPlan.GridDetectionPlan(
                devices.Oav, devices.Smargon, devices.PinTipDetection, oavParameters ?? OavCentringParameters.XrayCentring,
                snapshotTemplate, parameters.SnapshotDirectory, parameters.GridWidthUm, parameters.BoxSizeUm),
            [(DocumentCallback)gridParamsCallback.OnDocument]);

        await Stubs.AbsSet(devices.Backlight, InOut.Out, PlanGroups.GridReadyForDc);
        await Stubs.Wait(PlanGroups.PrepareAperture);
        await ManipulateSample.MoveApertureIfRequired(devices.ApertureScatterguard, parameters.SelectedAperture, PlanGroups.GridReadyForDc);

        var xrcParams = CreateParametersForFlyscanXrayCentre(parameters, gridParamsCallback.GetGridParameters());
        var beamlineSpecific = FlyscanXrayCentrePlan.ConstructHyperionSpecificFeatures(devices, xrcParams);
        await CommonFlyscanXrayCentrePlan.CommonFlyscanXrayCentre(devices, xrcParams, beamlineSpecific);
        return xrcParams;
    }

    /// <summary>The grid-scan parameters: <paramref name="parameters"/> with the detected grids' fields.</summary>
    /// <exception cref="ParameterValidationException">The grids make invalid parameters (e.g. no boxes).</exception>
    public static SpecifiedThreeDGridScan CreateParametersForFlyscanXrayCentre(GenericGrid parameters, GridParamUpdate gridParameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gridParameters);
        var json = parameters.ToJson();
        json["x_start_um"] = gridParameters.XStartUm;
        json["y_starts_um"] = new System.Text.Json.Nodes.JsonArray([.. gridParameters.YStartsUm.Select(v => (System.Text.Json.Nodes.JsonNode?)v)]);
        json["z_starts_um"] = new System.Text.Json.Nodes.JsonArray([.. gridParameters.ZStartsUm.Select(v => (System.Text.Json.Nodes.JsonNode?)v)]);
        json["x_steps"] = gridParameters.XSteps;
        json["y_steps"] = new System.Text.Json.Nodes.JsonArray([.. gridParameters.YSteps.Select(v => (System.Text.Json.Nodes.JsonNode?)v)]);
        json["x_step_size_um"] = gridParameters.XStepSizeUm;
        json["y_step_sizes_um"] = new System.Text.Json.Nodes.JsonArray([.. gridParameters.YStepSizesUm.Select(v => (System.Text.Json.Nodes.JsonNode?)v)]);
        return HyperionParameters.Load<SpecifiedThreeDGridScan>(json);
    }

    /// <summary>The run number the files will get: the override, else one past the highest NeXus run in the directory.</summary>
    private static int RunNumber(DetectorParams detectorParams) =>
        detectorParams.RunNumber(Directory.Exists(detectorParams.Directory)
            ? Directory.EnumerateFiles(detectorParams.Directory).Select(Path.GetFileName).OfType<string>()
            : []);

    private static async Plan DetectScanFetchAndMove(HyperionDevices devices, GridScanWithEdgeDetect parameters, XRayCentreEventHandler handler)
    {
        SpecifiedThreeDGridScan? xrcParams = null;
        await IspybActivation.IspybActivationWrapper(DetectScanAndFetch(), parameters);
        var results = handler.XRayCentreResults is { Count: > 0 } found
            ? found
            : throw new InvalidOperationException("Flyscan result event not received or no crystal found and exception not raised");
        await ChangeApertureThenMovePlan.MoveToXtal(results[0], devices.Smargon);

        async Plan DetectScanAndFetch()
        {
            await XbpmPauseWrapper.PauseXbpmFeedbackDuringCollectionAtDesiredTransmission(
                DetectAndScan(), devices.XbpmFeedback, devices.Attenuator, parameters.TransmissionFrac, PlanNames.GridscanOuter);
            await XrcResultsUtils.FetchXrcResultsFromZocalo(devices.Zocalo, xrcParams!, devices.Baton);
        }

        async Plan DetectAndScan() => xrcParams = await DetectGridAndDoGridscan(devices, parameters);
    }
}
