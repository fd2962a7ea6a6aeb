using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>The smargon's deferred-move switch (CS1:DeferMoves).</summary>
public enum DeferMoves
{
    /// <summary>Moves are held until deferral is switched off.</summary>
    [EnumLabel("Defer On")]
    On,

    /// <summary>Held moves start together.</summary>
    [EnumLabel("Defer Off")]
    Off,
}
