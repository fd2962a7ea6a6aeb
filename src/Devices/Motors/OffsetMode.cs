using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Motors;

/// <summary>A motor record's FOFF field: whether the user offset may change when the position is redefined.</summary>
public enum OffsetMode
{
    /// <summary>The offset follows SET-mode writes.</summary>
    [EnumLabel("Variable")]
    Variable,

    /// <summary>The offset is frozen; SET-mode writes move the dial value.</summary>
    [EnumLabel("Frozen")]
    Frozen,
}
