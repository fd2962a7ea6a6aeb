using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>A zebra soft input (SOFT_IN:Bn).</summary>
public enum SoftInState
{
    /// <summary>On.</summary>
    [EnumLabel("Yes")]
    Yes,

    /// <summary>Off.</summary>
    [EnumLabel("No")]
    No,
}
