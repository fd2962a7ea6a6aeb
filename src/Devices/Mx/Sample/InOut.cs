using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>ophyd-async's InOut labels (dodal's cryostream InOut: the same labels).</summary>
public enum InOut
{
    /// <summary>In.</summary>
    [EnumLabel("In")]
    In,

    /// <summary>Out.</summary>
    [EnumLabel("Out")]
    Out,
}
