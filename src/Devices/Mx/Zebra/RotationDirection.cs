using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>The direction the position compare counts in (PC_DIR).</summary>
public enum RotationDirection
{
    /// <summary>Increasing positions.</summary>
    [EnumLabel("Positive")]
    Positive,

    /// <summary>Decreasing positions.</summary>
    [EnumLabel("Negative")]
    Negative,
}
