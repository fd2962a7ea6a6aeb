namespace Hyperion.Devices.Mx.Zebra;

/// <summary>Arm or disarm the position compare; the value is what PC_ARM_OUT reads once done.</summary>
public enum ArmDemand
{
    /// <summary>Disarm (PC_ARM_OUT 0).</summary>
    Disarm = 0,

    /// <summary>Arm (PC_ARM_OUT 1).</summary>
    Arm = 1,
}
