using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>ophyd-async's OnOff.</summary>
public enum OnOff
{
    /// <summary>On.</summary>
    [EnumLabel("On")]
    On,

    /// <summary>Off.</summary>
    [EnumLabel("Off")]
    Off,
}
