using Hyperion.Devices.Mx.Zebra;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.Rotation;

/// <summary>
/// The zebra and fast shutter for a rotation (the rotation parts of mx-bluesky's setup_zebra_and_shutter and
/// hyperion's arm_zebra). They work when the fast shutter is wired through the zebra's TTL outputs and the shutter IOC
/// holds SOFT_IN1 high in auto mode and low in manual mode.
/// </summary>
public static class RotationZebraSetup
{
    /// <summary>How long the zebra's settings may take, s (mx-bluesky's ZEBRA_STATUS_TIMEOUT).</summary>
    public const double ZebraStatusTimeoutS = 30;

    /// <summary>The default group of the tidy-up.</summary>
    public const string TidyUpGroup = "tidy_up_zebra_after_rotation";

    /// <summary>The default group of setting the shutter's auto input.</summary>
    public const string SetShutterTriggerGroup = "set_shutter_trigger";

    /// <summary>The default group of putting the shutter in auto mode.</summary>
    public const string UseAutomaticShutterGroup = "use_automatic_shutter";

    /// <summary>
    /// Sets the zebra up for a rotation: position compare on <paramref name="axis"/> counting in
    /// <paramref name="direction"/>, a gate from <paramref name="startAngle"/> as wide as the scan plus the shutter's
    /// opening rotation, the detector pulse delayed by the shutter's opening time, the shutter in auto mode opened by
    /// the gate, and the detector triggered by the pulse. The plan that uses it sets the rotation speed.
    /// </summary>
    public static async Plan SetupZebraForRotation(
        Zebra zebra,
        ZebraShutter zebraShutter,
        EncEnum axis = I03Axes.Omega,
        double startAngle = 0,
        double scanWidth = 360,
        double shutterOpeningDeg = 2.5,
        double shutterOpeningS = 0.04,
        RotationDirection direction = RotationDirection.Positive,
        string group = PlanGroups.SetupZebraForRotation,
        bool wait = true,
        int? ttlInputForDetectorToUse = null)
    {
        ArgumentNullException.ThrowIfNull(zebra);
        ArgumentNullException.ThrowIfNull(zebraShutter);
        var ttlDetector = ttlInputForDetectorToUse ?? zebra.Mapping.Outputs.TtlDetector;
        await Stubs.AbsSet(zebra.Pc.Dir, direction, group);
        await Stubs.AbsSet(zebra.Pc.GateStart, startAngle, group);
        await Stubs.AbsSet(zebra.Pc.GateWidth, scanWidth + shutterOpeningDeg, group);
        await Stubs.AbsSet(zebra.Pc.PulseStart, Math.Abs(shutterOpeningS), group);
        await Stubs.AbsSet(zebra.Pc.GateTrigger, axis, group);
        await ConfigureZebraAndShutterForAutoShutter(zebra, zebraShutter, zebra.Mapping.Sources.PcGate, group);
        await Stubs.AbsSet(zebra.Output.OutPvs[ttlDetector], (double)zebra.Mapping.Sources.PcPulse, group);
        if (wait)
        {
            await Stubs.Wait(group, ZebraStatusTimeoutS);
        }
    }

    /// <summary>Puts the zebra back as GDA expects it: position compare disarmed and the shutter in manual mode.</summary>
    public static async Plan TidyUpZebraAfterRotationScan(Zebra zebra, ZebraShutter zebraShutter, string group = TidyUpGroup, bool wait = true)
    {
        ArgumentNullException.ThrowIfNull(zebra);
        ArgumentNullException.ThrowIfNull(zebraShutter);
        await Stubs.AbsSet(zebra.Pc.Arm, ArmDemand.Disarm, group);
        await Stubs.AbsSet(zebraShutter.ControlMode, ZebraShutterControl.Manual, group);
        if (wait)
        {
            await Stubs.Wait(group, ZebraStatusTimeoutS);
        }
    }

    /// <summary>
    /// Puts the shutter in auto mode and has the zebra's auto-shutter AND gate open it when SOFT_IN1 (high in auto
    /// mode) and <paramref name="input"/> are both high.
    /// </summary>
    public static async Plan ConfigureZebraAndShutterForAutoShutter(Zebra zebra, ZebraShutter zebraShutter, int input, string group = UseAutomaticShutterGroup)
    {
        ArgumentNullException.ThrowIfNull(zebra);
        ArgumentNullException.ThrowIfNull(zebraShutter);
        await Stubs.AbsSet(zebraShutter.ControlMode, ZebraShutterControl.Auto, group);
        var autoGate = zebra.Mapping.AndGateForAutoShutter;

        // The first input must always be SOFT_IN1 (mx-bluesky issue 551).
        await Stubs.AbsSet(zebra.LogicGates.AndGates[autoGate].Sources[1], (double)zebra.Mapping.Sources.SoftIn1, group);
        await SetShutterAutoInput(zebra, input, group);
    }

    /// <summary>Sets the second input of the auto-shutter AND gate: the signal that opens the shutter in auto mode.</summary>
    public static async Plan SetShutterAutoInput(Zebra zebra, int input, string group = SetShutterTriggerGroup)
    {
        ArgumentNullException.ThrowIfNull(zebra);
        var autoGate = zebra.Mapping.AndGateForAutoShutter;
        await Stubs.AbsSet(zebra.LogicGates.AndGates[autoGate].Sources[2], (double)input, group);
    }

    /// <summary>Arms the zebra's position compare and waits for it.</summary>
    public static async Plan ArmZebra(Zebra zebra)
    {
        ArgumentNullException.ThrowIfNull(zebra);
        await Stubs.AbsSet(zebra.Pc.Arm, ArmDemand.Arm, wait: true);
    }
}
