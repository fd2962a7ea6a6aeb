using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Motors;

/// <summary>A motor record's SET field: Use (moves move) or Set (moves redefine the position).</summary>
public enum UseSetMode
{
    /// <summary>Normal moves.</summary>
    [EnumLabel("Use")]
    Use,

    /// <summary>Calibration: writing VAL changes the offset instead of moving.</summary>
    [EnumLabel("Set")]
    Set,
}
