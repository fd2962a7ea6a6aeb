using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>ophyd-async's InOut.</summary>
public enum InOut
{
    /// <summary>In.</summary>
    [EnumLabel("In")]
    In,

    /// <summary>Out.</summary>
    [EnumLabel("Out")]
    Out,
}
