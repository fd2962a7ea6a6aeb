using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>Who drives the sample shutter (CTRL1).</summary>
public enum ZebraShutterControl
{
    /// <summary>The manual AND gate, driven by CTRL2.</summary>
    [EnumLabel("Manual")]
    Manual,

    /// <summary>The automatic AND gate, driven by the zebra's logic.</summary>
    [EnumLabel("Auto")]
    Auto,
}
