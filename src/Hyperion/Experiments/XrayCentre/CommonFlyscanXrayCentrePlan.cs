using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Experiments.Gridscan;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Eiger;
using Hyperion.Devices.Mx.GridScan;
using Hyperion.Engine.Errors;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.XrayCentre;

/// <summary>
/// The X-ray centring flyscan (mx-bluesky's common_flyscan_xray_centre): gives the Eiger its settings, then in a
/// <c>run_gridscan_move_and_tidy</c> run (activating the grid-scan NeXus callback) sets the triggering up, turns
/// omega to the first grid, reads the hardware, sets the grid, waits for the detector to be armed, stages it and runs
/// both grids; the beamline's tidy-up and the Eiger's dev/shm switch-off follow however it ends.
/// </summary>
public static class CommonFlyscanXrayCentrePlan
{
    /// <summary>The callbacks the outer grid-scan run activates.</summary>
    public static IReadOnlyList<string> ActivatedCallbacks { get; } = ["GridscanNexusFileCallback"];

    /// <summary>The failure when the controller rejects the grid.</summary>
    public const string ScanInvalidMessage = "Scan invalid - gridscan not valid for detected pin position";

    /// <summary>The flyscan; see the class summary.</summary>
    public static Plan CommonFlyscanXrayCentre(HyperionDevices devices, SpecifiedThreeDGridScan parameters, BeamlineSpecificFgsFeatures beamlineSpecific)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(beamlineSpecific);
        EigerParameters.Apply(devices.Eiger, parameters.DetectorParams, devices.Beamline.Configuration);
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["subplan_name"] = PlanNames.GridscanOuter,
            ["mx_bluesky_parameters"] = parameters.ToJson().ToJsonString(),
            ["activate_callbacks"] = ActivatedCallbacks.ToList(),
        };
        var tidied = Preprocessors.Finalize(RunGridscanAndTidy(devices, parameters, beamlineSpecific), () => OverallTidy(devices.Eiger, beamlineSpecific));
        return Preprocessors.SetRunKey(Preprocessors.RunWrapper(tidied, metadata), PlanNames.GridscanOuter);
    }

    /// <summary>Turns dev/shm streaming off so it cannot fill the disk (Hyperion issue 1395); runs after the beamline's tidy-up.</summary>
    public static async Plan TidyEiger(EigerDetector eiger)
    {
        ArgumentNullException.ThrowIfNull(eiger);
        await Stubs.AbsSet(eiger.Odin.Fan.DevShmEnable, 0, wait: true);
    }

    /// <summary>
    /// Omega to the first grid, the pre-scan read, the grid's parameters (a grid the controller rejects is a
    /// <see cref="SampleException"/>), the wait for <see cref="PlanGroups.GridReadyForDc"/>, the Eiger staged, both
    /// grids run, and z steps zeroed for GDA.
    /// </summary>
    /// <exception cref="SampleException">The controller found the grid invalid for the pin.</exception>
    public static async Plan RunGridscan(HyperionDevices devices, SpecifiedThreeDGridScan parameters, BeamlineSpecificFgsFeatures beamlineSpecific)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(beamlineSpecific);
        await Stubs.AbsSet(devices.Smargon.WrappedOmega.Phase, (double)parameters.OmegaStartsDeg[0], wait: true);
        await beamlineSpecific.ReadPreFlyscanPlan();
        try
        {
            await beamlineSpecific.SetFlyscanParamsPlan();
        }
        catch (FailedStatus e) when (e.InnerException is GridScanInvalidException)
        {
            throw new SampleException(ScanInvalidMessage, e);
        }

        await Stubs.Wait(PlanGroups.GridReadyForDc);
        await Stubs.Stage(devices.Eiger, wait: true);
        await DoFgs.KickoffAndCompleteGridscan(
            beamlineSpecific.FgsMotors, devices.Eiger, devices.Synchrotron, parameters.ScanPoints, parameters.OmegaStartsDeg,
            beamlineSpecific.ReadDuringCollectionPlan);

        // GDA's 3D grid scans need z steps at 0, so leave the device as GDA expects it.
        await Stubs.AbsSet(beamlineSpecific.FgsMotors.ZSteps, 0, wait: false);
    }

    private static async Plan RunGridscanAndTidy(HyperionDevices devices, SpecifiedThreeDGridScan parameters, BeamlineSpecificFgsFeatures beamlineSpecific)
    {
        await beamlineSpecific.SetupTriggerPlan();
        await RunGridscan(devices, parameters, beamlineSpecific);
    }

    private static async Plan OverallTidy(EigerDetector eiger, BeamlineSpecificFgsFeatures beamlineSpecific)
    {
        await beamlineSpecific.TidyPlan();
        await TidyEiger(eiger);
    }
}
