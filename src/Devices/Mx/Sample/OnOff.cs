using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>ophyd-async's OnOff labels.</summary>
public enum OnOff
{
    /// <summary>On.</summary>
    [EnumLabel("On")]
    On,

    /// <summary>Off.</summary>
    [EnumLabel("Off")]
    Off,
}
