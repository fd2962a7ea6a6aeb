using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.Gridscan;

/// <summary>
/// The zebra and fast shutter for a grid scan (the grid-scan parts of mx-bluesky's setup_zebra_and_shutter): the
/// motion controller's PLC drives the shutter through IN4_TTL and the detector through IN3_TTL.
/// </summary>
public static class GridscanZebraSetup
{
    /// <summary>The default group of the tidy-up.</summary>
    public const string TidyUpGroup = "tidy_up_zebra_after_gridscan";

    /// <summary>The group Hyperion's flyscan tidies the zebra in.</summary>
    public const string FlyscanZebraTidyGroup = "flyscan_zebra_tidy";

    /// <summary>
    /// Puts the shutter in auto mode opened by IN4_TTL and routes IN3_TTL to the detector's TTL output (or
    /// <paramref name="ttlInputForDetectorToUse"/>), in <paramref name="group"/>; with <paramref name="wait"/>, waits
    /// up to <see cref="RotationZebraSetup.ZebraStatusTimeoutS"/>.
    /// </summary>
    public static async Plan SetupZebraForGridscan(
        Zebra zebra, ZebraShutter sampleShutter, string group = PlanGroups.SetupZebraForGridscan, bool wait = true, int? ttlInputForDetectorToUse = null)
    {
        ArgumentNullException.ThrowIfNull(zebra);
        ArgumentNullException.ThrowIfNull(sampleShutter);
        var ttlDetector = ttlInputForDetectorToUse ?? zebra.Mapping.Outputs.TtlDetector;
        await RotationZebraSetup.ConfigureZebraAndShutterForAutoShutter(zebra, sampleShutter, zebra.Mapping.Sources.In4Ttl, group);
        await Stubs.AbsSet(zebra.Output.OutPvs[ttlDetector], (double)zebra.Mapping.Sources.In3Ttl, group);
        if (wait)
        {
            await Stubs.Wait(group, RotationZebraSetup.ZebraStatusTimeoutS);
        }
    }

    /// <summary>
    /// Puts the zebra back as GDA expects it: the detector on PC_PULSE, the shutter in manual mode and its auto input
    /// on PC_GATE, in <paramref name="group"/>; with <paramref name="wait"/>, waits.
    /// </summary>
    public static async Plan TidyUpZebraAfterGridscan(
        Zebra zebra, ZebraShutter sampleShutter, string group = TidyUpGroup, bool wait = true, int? ttlInputForDetectorToUse = null)
    {
        ArgumentNullException.ThrowIfNull(zebra);
        ArgumentNullException.ThrowIfNull(sampleShutter);
        var ttlDetector = ttlInputForDetectorToUse ?? zebra.Mapping.Outputs.TtlDetector;
        await Stubs.AbsSet(zebra.Output.OutPvs[ttlDetector], (double)zebra.Mapping.Sources.PcPulse, group);
        await Stubs.AbsSet(sampleShutter.ControlMode, ZebraShutterControl.Manual, group);
        await RotationZebraSetup.SetShutterAutoInput(zebra, zebra.Mapping.Sources.PcGate, group);
        if (wait)
        {
            await Stubs.Wait(group, RotationZebraSetup.ZebraStatusTimeoutS);
        }
    }
}
