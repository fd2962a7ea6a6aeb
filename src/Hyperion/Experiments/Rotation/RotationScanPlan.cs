using System.Globalization;
using Hyperion.Cli.Experiments.Common;
using Hyperion.Cli.Experiments.DeviceSetup;
using Hyperion.Cli.Experiments.Snapshots;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.Rotation;

/// <summary>
/// Rotation data collection (mx-bluesky's hyperion rotation_scan_plan): one or more sweeps with the detector armed
/// once. Runs, outermost first:
/// <list type="bullet">
/// <item><c>multi_rotation_wrapper</c> (run key <c>multi_rotation_scan</c>): <c>full_num_of_images</c>,
/// <c>meta_data_run_number</c>, <c>activate_callbacks</c> = RotationISPyBCallback, RotationNexusFileCallback;</item>
/// <item>per sweep <c>rotation_scan_with_cleanup</c> (run key <c>rotation_scan</c>) with the sweep's
/// <c>mx_bluesky_parameters</c>, holding its <c>rotation_snapshot_triggered</c> events;</item>
/// <item>inside it <c>rotation_scan_main</c> (run key <c>rotation_scan_main</c>) with <c>scan_points</c>, holding the
/// <c>zocalo_read_hardware_plan</c>, <c>read_hardware_for_callbacks_pre_collection</c> and
/// <c>read_hardware_for_callbacks_during_collection</c> events.</item>
/// </list>
/// The XBPM feedback is paused at the collection's transmission around the outer run, and the zebra, detector shutter
/// and omega speed are put back however it ends.
/// </summary>
public static class RotationScanPlan
{
    /// <summary>The outer run's run key.</summary>
    public const string MultiRotationRunKey = "multi_rotation_scan";

    /// <summary>Each sweep's run key.</summary>
    public const string RotationScanRunKey = "rotation_scan";

    /// <summary>The group of the zebra's set-up within a sweep.</summary>
    public const string SetupZebraGroup = "setup_zebra";

    /// <summary>The group of the clean-up.</summary>
    public const string CleanupGroup = "cleanup";

    /// <summary>Time allowed beyond the exposure for the rotation itself when checking top-up, s.</summary>
    public const double TopupOpsTimeS = 10.0;

    /// <summary>The callbacks the outer run activates.</summary>
    public static IReadOnlyList<string> ActivatedCallbacks { get; } = ["RotationISPyBCallback", "RotationNexusFileCallback"];

    /// <summary>One sweep: <paramref name="parameters"/> as a one-sweep <see cref="RotationScan"/>.</summary>
    public static Plan Run(HyperionDevices devices, SingleRotationScan parameters)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        return RunMulti(devices, AsRotationScan(parameters));
    }

    /// <summary>Every sweep of <paramref name="parameters"/>, with the detector armed once.</summary>
    public static Plan RunMulti(HyperionDevices devices, RotationScan parameters)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        return RotationScanInternal(devices, parameters);
    }

    /// <summary>
    /// The rotation plan (mx-bluesky's rotation_scan_internal): gives the Eiger its settings, then prepares the
    /// detector while the sweeps run; OAV snapshots use <paramref name="oavParameters"/> (i03's x-ray centring
    /// settings by default) and are named by <paramref name="time"/>'s clock.
    /// </summary>
    public static async Plan RotationScanInternal(
        HyperionDevices devices, RotationScan parameters, OavSnapshotParameters? oavParameters = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        oavParameters ??= new OavSnapshotParameters();
        time ??= TimeProvider.System;
        EigerParameters.Apply(devices.Eiger, parameters.DetectorParams, devices.Beamline.Configuration);

        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["subplan_name"] = PlanNames.RotationMulti,
            ["full_num_of_images"] = parameters.NumImages,
            ["meta_data_run_number"] = devices.Eiger.DetectorParams!.RunNumber,
            ["activate_callbacks"] = ActivatedCallbacks.ToList(),
        };
        var multiRotation = XbpmFeedbackPlans.TransmissionAndXbpmFeedbackForCollection(
            Preprocessors.SetRunKey(
                Preprocessors.RunWrapper(
                    Preprocessors.Finalize(MultiRotationScan(devices, parameters, oavParameters, time), () => CleanupPlan(devices)),
                    metadata),
                MultiRotationRunKey),
            devices.XbpmFeedback,
            devices.Attenuator,
            parameters.TransmissionFrac);

        await DataCollectionPreparation.StartPreparingDataCollectionThenDoPlan(
            devices.Beamstop, devices.Eiger, devices.DetectorMotion, parameters.DetectorDistanceMm, multiRotation, PlanGroups.RotationReadyForDc);
    }

    /// <summary>
    /// One sweep's collection (mx-bluesky's rotation_scan_plan), in its own <c>rotation_scan_main</c> run: omega to the
    /// run-up start at full speed, the zebra and sample environment set up, the hardware read for the callbacks, omega
    /// at collection speed, the zebra armed, any top-up waited out, then the whole sweep as one relative move.
    /// </summary>
    public static Plan RotationScanCore(HyperionDevices devices, SingleRotationScan parameters, RotationMotionProfile motion)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(motion);
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["subplan_name"] = PlanNames.RotationMain,
            ["scan_points"] = new List<object?> { parameters.ScanPoints.Cast<object?>().ToList() },
        };
        return Preprocessors.SetRunKey(Preprocessors.RunWrapper(RotationScanBody(devices, parameters, motion), metadata), PlanNames.RotationMain);
    }

    /// <summary><paramref name="parameters"/> as a one-sweep rotation scan, re-validated.</summary>
    public static RotationScan AsRotationScan(SingleRotationScan parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var single = parameters.ToJson();
        var sweepFields = ParameterBinder.PropertiesOf(typeof(RotationScanPerSweep)).Select(p => p.JsonName).ToHashSet(StringComparer.Ordinal);
        var scanFields = ParameterBinder.PropertiesOf(typeof(RotationScan)).Select(p => p.JsonName).ToHashSet(StringComparer.Ordinal);
        var sweep = new System.Text.Json.Nodes.JsonObject();
        var scan = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, value) in single)
        {
            if (sweepFields.Contains(name))
            {
                sweep[name] = value?.DeepClone();
            }
            else if (scanFields.Contains(name))
            {
                scan[name] = value?.DeepClone();
            }
        }

        scan["rotation_scans"] = new System.Text.Json.Nodes.JsonArray(sweep);
        return (RotationScan)ParameterBinder.Bind(typeof(RotationScan), scan);
    }

    private static async Plan MultiRotationScan(HyperionDevices devices, RotationScan parameters, OavSnapshotParameters oavParameters, TimeProvider time)
    {
        foreach (var singleScan in parameters.SingleRotationScans)
        {
            // dodal's verify_undulator_gap_before_run: the gap may not have come back after a beam dump.
            await VerifyUndulatorGap(devices);
            var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["subplan_name"] = PlanNames.RotationOuter,
                ["mx_bluesky_parameters"] = singleScan.ToJson().ToJsonString(),
            };
            await Preprocessors.SetRunKey(
                Preprocessors.RunWrapper(MoveAndRotation(devices, singleScan, oavParameters, time), metadata),
                RotationScanRunKey);
        }

        await Stubs.Unstage(devices.Eiger, wait: true);
    }

    private static async Plan VerifyUndulatorGap(HyperionDevices devices)
    {
        var energyKev = await Stubs.Rd(devices.Dcm.EnergyInKeV.UserReadback);
        await Stubs.AbsSet(devices.Undulator, energyKev, wait: true);
    }

    private static async Plan CleanupPlan(HyperionDevices devices)
    {
        var maxVelocity = await Stubs.Rd(devices.Smargon.Omega.MaxVelocity, RotationUtils.DefaultMaxVelocity);
        await ManipulateSample.CleanupSampleEnvironment(devices.DetectorMotion, CleanupGroup);
        await Stubs.AbsSet(devices.Smargon.Omega.Velocity, maxVelocity, CleanupGroup);
        await RotationZebraSetup.TidyUpZebraAfterRotationScan(devices.Zebra, devices.SampleShutter, CleanupGroup, wait: false);
        await Stubs.Wait(CleanupGroup);
    }

    private static async Plan MoveAndRotation(HyperionDevices devices, SingleRotationScan parameters, OavSnapshotParameters oavParameters, TimeProvider time)
    {
        var gonio = devices.Smargon;
        var motorTimeToSpeed = ToDouble(await Stubs.Rd(gonio.Omega.AccelerationTime, 0.0));
        var maxVelocity = ToDouble(await Stubs.Rd(gonio.Omega.MaxVelocity, RotationUtils.DefaultMaxVelocity));

        await Stubs.AbsSet(
            gonio,
            new CombinedMove
            {
                X = DivideBy1000IfGiven(parameters.XStartUm),
                Y = DivideBy1000IfGiven(parameters.YStartUm),
                Z = DivideBy1000IfGiven(parameters.ZStartUm),
                Phi = parameters.PhiStartDeg,
                Chi = parameters.ChiStartDeg,
            },
            PlanGroups.MoveGonioToStart);

        if (parameters.TakeSnapshots)
        {
            await Stubs.Wait(PlanGroups.MoveGonioToStart);
            if (!parameters.UseGridSnapshots)
            {
                await OavSnapshotPlan.SetupBeamlineForOav(gonio, devices.Backlight, devices.ApertureScatterguard, wait: true);
            }

            if (parameters.SelectedAperture is { } aperture)
            {
                await Stubs.Prepare(devices.ApertureScatterguard, aperture, PlanGroups.PrepareAperture);
            }

            await OavSnapshotPlan.Run(devices.Oav, gonio, parameters, oavParameters, time);
        }

        var currentOmega = await Stubs.Rd(gonio.WrappedOmega);
        var motion = RotationUtils.CalculateMotionProfile(parameters, motorTimeToSpeed, maxVelocity, ToAngleWithPhase(currentOmega));
        await RotationScanCore(devices, parameters, motion);
    }

    private static async Plan RotationScanBody(HyperionDevices devices, SingleRotationScan parameters, RotationMotionProfile motion)
    {
        var axis = devices.Smargon.Omega;

        // Can move to the start as fast as possible.
        await Stubs.AbsSet(axis.Velocity, motion.MaxVelocityDegS, wait: true);
        await Stubs.AbsSet(axis, motion.StartMotionDeg, PlanGroups.RotationReadyForDc);

        await RotationZebraSetup.SetupZebraForRotation(
            devices.Zebra,
            devices.SampleShutter,
            startAngle: motion.StartScanDeg,
            scanWidth: motion.ScanWidthDeg,
            direction: motion.Direction,
            shutterOpeningDeg: motion.ShutterOpeningDeg,
            shutterOpeningS: motion.ShutterTimeS,
            group: SetupZebraGroup);

        await ManipulateSample.SetupSampleEnvironment(
            devices.ApertureScatterguard, parameters.SelectedAperture, devices.Backlight, devices.Thawer, PlanGroups.RotationReadyForDc);

        // Wait for all the set-up at once.
        await Stubs.Wait(PlanGroups.RotationReadyForDc);
        await Stubs.Wait(PlanGroups.MoveGonioToStart);

        // Information for the ISPyB deposition, which also triggers the callbacks.
        await ReadHardware.ReadHardwareForZocalo(devices);
        await ReadHardware.StandardReadHardwarePreCollection(devices);

        await Stubs.AbsSet(axis.Velocity, motion.SpeedForRotationDegS, wait: true);

        await Stubs.Wait(SetupZebraGroup);
        await RotationZebraSetup.ArmZebra(devices.Zebra);

        // hyperion issue 932: a top-up during a short collection spoils it.
        await TopupCheck.CheckTopupAndWaitIfNecessary(devices.Synchrotron, motion.TotalExposureS, TopupOpsTimeS);

        await Stubs.RelSet(axis, motion.DistanceToMoveDeg, wait: true);

        await ReadHardware.StandardReadHardwareDuringCollection(devices);
    }

    private static double? DivideBy1000IfGiven(double? value) => value is { } v && v != 0 ? v / 1000 : value;

    private static double ToDouble(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static AngleWithPhase ToAngleWithPhase(object? offsetAndPhase) => offsetAndPhase switch
    {
        float[] { Length: 2 } values => new AngleWithPhase(values[0], values[1]),
        double[] { Length: 2 } values => new AngleWithPhase(values[0], values[1]),
        System.Collections.IEnumerable values when values.Cast<object>().ToList() is { Count: 2 } items =>
            new AngleWithPhase(ToDouble(items[0]), ToDouble(items[1])),
        _ => default,
    };
}
