namespace Hyperion.Devices.Signals;

/// <summary>What sort of value a signal carries, which decides its DataKey's dtype.</summary>
public enum SignalValueKind
{
    /// <summary>bool.</summary>
    Boolean,

    /// <summary>int, long, short, byte.</summary>
    Integer,

    /// <summary>double, float.</summary>
    Number,

    /// <summary>string.</summary>
    String,

    /// <summary>An enum whose members are the PV's labels.</summary>
    Enum,

    /// <summary>A one-dimensional array of numbers, booleans or strings.</summary>
    Array,

    /// <summary>A two-dimensional image (<see cref="Image2D{T}"/>).</summary>
    Image,

    /// <summary>A table (<see cref="SignalTable"/>).</summary>
    Table,
}
