using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>The sample shutter's position (CTRL2 demand, STA readback).</summary>
public enum ZebraShutterState
{
    /// <summary>Closed.</summary>
    [EnumLabel("Close")]
    Close,

    /// <summary>Open.</summary>
    [EnumLabel("Open")]
    Open,
}
