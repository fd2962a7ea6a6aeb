using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>Where the position compare's arm comes from (PC_ARM_SEL).</summary>
public enum ArmSource
{
    /// <summary>Armed by writing PC_ARM.</summary>
    [EnumLabel("Soft")]
    Soft,

    /// <summary>Armed by an input.</summary>
    [EnumLabel("External")]
    External,
}
