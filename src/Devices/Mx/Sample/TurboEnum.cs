using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>The cryostream's turbo mode (dodal's TurboEnum).</summary>
public enum TurboEnum
{
    /// <summary>Off.</summary>
    [EnumLabel("Off")]
    Off,

    /// <summary>On.</summary>
    [EnumLabel("On")]
    On,

    /// <summary>Auto.</summary>
    [EnumLabel("Auto")]
    Auto,
}
