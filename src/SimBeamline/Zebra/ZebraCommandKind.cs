namespace Hyperion.SimBeamline.Zebra;

/// <summary>The kinds of <see cref="ZebraCommand"/>.</summary>
public enum ZebraCommandKind
{
    /// <summary>PC_ARM was processed.</summary>
    Arm,

    /// <summary>PC_DISARM was processed.</summary>
    Disarm,

    /// <summary>The wiring or a soft input changed: re-evaluate the outputs.</summary>
    Rewire,

    /// <summary>An encoder moved (Number: the encoder, 1 to 4).</summary>
    Encoder,

    /// <summary>A TTL input changed level (Number: the input, 1 to 4).</summary>
    InputLevel,

    /// <summary>A TTL input pulsed (Number: the input, 1 to 4).</summary>
    InputPulse,

    /// <summary>The position-compare pulse changed level (Number: the gate it belongs to).</summary>
    PulseLevel,

    /// <summary>The time gate opens (Number: the gate's generation).</summary>
    TimeGateOpen,

    /// <summary>The time gate closes (Number: the gate's generation).</summary>
    TimeGateEnd,
}
