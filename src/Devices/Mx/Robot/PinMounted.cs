using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Robot;

/// <summary>The goniometer's pin sensor (dodal's PinMounted), as the PIN_MOUNTED record labels it.</summary>
public enum PinMounted
{
    /// <summary>No pin on the goniometer.</summary>
    [EnumLabel("No Pin Mounted")]
    NoPinMounted,

    /// <summary>A pin is on the goniometer.</summary>
    [EnumLabel("Pin Mounted")]
    PinMounted,
}
