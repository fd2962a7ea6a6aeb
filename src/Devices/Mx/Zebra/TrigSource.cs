using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>What drives the position compare's gate or pulses (PC_GATE_SEL, PC_PULSE_SEL).</summary>
public enum TrigSource
{
    /// <summary>Encoder position.</summary>
    [EnumLabel("Position")]
    Position,

    /// <summary>Time.</summary>
    [EnumLabel("Time")]
    Time,

    /// <summary>An input.</summary>
    [EnumLabel("External")]
    External,
}
