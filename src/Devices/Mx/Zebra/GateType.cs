namespace Hyperion.Devices.Mx.Zebra;

/// <summary>The zebra's logic gate kinds.</summary>
public enum GateType
{
    /// <summary>AND gates (ANDn_*).</summary>
    And,

    /// <summary>OR gates (ORn_*).</summary>
    Or,
}
