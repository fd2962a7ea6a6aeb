using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>The zebra's position compare (dodal's PositionCompare): gate and pulse set-up, direction, arming.</summary>
/// <param name="prefix">The zebra prefix, e.g. BL03I-EA-ZEBRA-01:.</param>
/// <param name="name">The device name.</param>
public sealed class PositionCompare(string prefix, string name = "") : StandardReadable(name)
{
    /// <summary>PC_GATE_NGATE.</summary>
    public SignalRW<double> NumGates { get; } = Epics.SignalRW<double>(prefix + "PC_GATE_NGATE");

    /// <summary>PC_ENC: the encoder followed.</summary>
    public SignalRW<EncEnum> GateTrigger { get; } = Epics.SignalRW<EncEnum>(prefix + "PC_ENC");

    /// <summary>PC_GATE_SEL.</summary>
    public SignalRW<TrigSource> GateSource { get; } = Epics.SignalRW<TrigSource>(prefix + "PC_GATE_SEL");

    /// <summary>PC_GATE_INP.</summary>
    public SignalRW<double> GateInput { get; } = Epics.SignalRW<double>(prefix + "PC_GATE_INP");

    /// <summary>PC_GATE_WID.</summary>
    public SignalRW<double> GateWidth { get; } = Epics.SignalRW<double>(prefix + "PC_GATE_WID");

    /// <summary>PC_GATE_START.</summary>
    public SignalRW<double> GateStart { get; } = Epics.SignalRW<double>(prefix + "PC_GATE_START");

    /// <summary>PC_GATE_STEP.</summary>
    public SignalRW<double> GateStep { get; } = Epics.SignalRW<double>(prefix + "PC_GATE_STEP");

    /// <summary>PC_PULSE_SEL.</summary>
    public SignalRW<TrigSource> PulseSource { get; } = Epics.SignalRW<TrigSource>(prefix + "PC_PULSE_SEL");

    /// <summary>PC_PULSE_INP.</summary>
    public SignalRW<double> PulseInput { get; } = Epics.SignalRW<double>(prefix + "PC_PULSE_INP");

    /// <summary>PC_PULSE_START.</summary>
    public SignalRW<double> PulseStart { get; } = Epics.SignalRW<double>(prefix + "PC_PULSE_START");

    /// <summary>PC_PULSE_WID.</summary>
    public SignalRW<double> PulseWidth { get; } = Epics.SignalRW<double>(prefix + "PC_PULSE_WID");

    /// <summary>PC_PULSE_STEP.</summary>
    public SignalRW<double> PulseStep { get; } = Epics.SignalRW<double>(prefix + "PC_PULSE_STEP");

    /// <summary>PC_PULSE_MAX.</summary>
    public SignalRW<double> PulseMax { get; } = Epics.SignalRW<double>(prefix + "PC_PULSE_MAX");

    /// <summary>PC_DIR.</summary>
    public SignalRW<RotationDirection> Dir { get; } = Epics.SignalRW<RotationDirection>(prefix + "PC_DIR");

    /// <summary>PC_ARM_SEL.</summary>
    public SignalRW<ArmSource> ArmSource { get; } = Epics.SignalRW<ArmSource>(prefix + "PC_ARM_SEL");

    /// <summary>SYS_RESET.PROC.</summary>
    public SignalRW<int> Reset { get; } = Epics.SignalRW<int>(prefix + "SYS_RESET.PROC");

    /// <summary>Arming (PC_ARM, PC_DISARM, PC_ARM_OUT).</summary>
    public ArmingDevice Arm { get; } = new(prefix);

    /// <summary>Whether PC_ARM_OUT reads 1.</summary>
    public async Task<bool> IsArmedAsync(CancellationToken cancellationToken = default) =>
        await Arm.Armed.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false) == 1;
}
