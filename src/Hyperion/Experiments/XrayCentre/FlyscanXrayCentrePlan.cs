using Hyperion.Cli.Experiments.Common;
using Hyperion.Cli.Experiments.Gridscan;
using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Parameters;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.XrayCentre;

/// <summary>
/// Hyperion's X-ray centring flyscan on two specified grids (mx-bluesky's hyperion_flyscan_xray_centre_plan, with
/// the Zebra triggering; the PandA is not supported), and the <c>flyscan_xray_centre</c> plan around it.
/// </summary>
public static class FlyscanXrayCentrePlan
{
    /// <summary>
    /// Flyscans <paramref name="parameters"/>' grids and moves to the best crystal. Zocalo is staged throughout; inside
    /// a <c>grid_detect_and_do_gridscan</c> run (activating the ISPyB callback) the XBPM feedback is paused at the
    /// collection's transmission around the <c>run_gridscan_move_and_tidy</c> run, then zocalo's results are fetched
    /// and published (<c>xray_centre_results</c>); the smargon then moves to the first result's centre of mass.
    /// </summary>
    /// <exception cref="Errors.CrystalNotFoundException">Zocalo found no crystal.</exception>
    public static Plan Run(HyperionDevices devices, SpecifiedThreeDGridScan parameters)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        var handler = new XRayCentreEventHandler();
        var flyscan = IspybActivation.IspybActivationWrapper(FlyscanThenFetchResults(devices, parameters), parameters);
        return Preprocessors.Subs(
            XrcResultsUtils.ZocaloStageWrapper(Sequence(flyscan, () => MoveToBestCrystal(devices, handler)), devices.Zocalo),
            [(DocumentCallback)handler.OnDocument]);
    }

    /// <summary>
    /// The Hyperion-specific parts of the flyscan (mx-bluesky's construct_hyperion_specific_features): the Zebra set up
    /// for the grid scan and tidied in <see cref="GridscanZebraSetup.FlyscanZebraTidyGroup"/>, the zebra fast grid
    /// scan set from the parameters, and the standard hardware reads before and during collection.
    /// </summary>
    public static BeamlineSpecificFgsFeatures ConstructHyperionSpecificFeatures(HyperionDevices devices, SpecifiedThreeDGridScan parameters)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        return new BeamlineSpecificFgsFeatures(
            SetupTriggerPlan: () => GridscanZebraSetup.SetupZebraForGridscan(devices.Zebra, devices.SampleShutter),
            TidyPlan: () => GridscanZebraSetup.TidyUpZebraAfterGridscan(
                devices.Zebra, devices.SampleShutter, GridscanZebraSetup.FlyscanZebraTidyGroup, wait: true),
            SetFlyscanParamsPlan: () => SetFastGridScanParams(devices, parameters),
            FgsMotors: devices.ZebraFastGridScan,
            ReadPreFlyscanPlan: () => ReadHardware.StandardReadHardwarePreCollection(devices),
            ReadDuringCollectionPlan: () => ReadHardware.StandardReadHardwareDuringCollection(devices));
    }

    /// <summary>Prepares the zebra fast grid scan with the parameters' grids and waits (dodal's set_fast_grid_scan_params).</summary>
    public static async Plan SetFastGridScanParams(HyperionDevices devices, SpecifiedThreeDGridScan parameters)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        await Stubs.Prepare(devices.ZebraFastGridScan, FgsParams.ToDeviceParams(parameters.FastGridscanParams), wait: true);
    }

    private static async Plan FlyscanThenFetchResults(HyperionDevices devices, SpecifiedThreeDGridScan parameters)
    {
        var features = ConstructHyperionSpecificFeatures(devices, parameters);
        await XbpmPauseWrapper.PauseXbpmFeedbackDuringCollectionAtDesiredTransmission(
            CommonFlyscanXrayCentrePlan.CommonFlyscanXrayCentre(devices, parameters, features),
            devices.XbpmFeedback, devices.Attenuator, parameters.TransmissionFrac, PlanNames.GridscanOuter);
        await XrcResultsUtils.FetchXrcResultsFromZocalo(devices.Zocalo, parameters, devices.Baton);
    }

    private static async Plan MoveToBestCrystal(HyperionDevices devices, XRayCentreEventHandler handler)
    {
        var results = handler.XRayCentreResults is { Count: > 0 } found
            ? found
            : throw new InvalidOperationException("Flyscan result event not received or no crystal found and exception not raised");
        await ChangeApertureThenMovePlan.MoveToXtal(results[0], devices.Smargon);
    }

    private static async Plan Sequence(Plan first, Func<Plan> then)
    {
        await first;
        await then();
    }
}
