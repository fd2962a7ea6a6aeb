using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>The encoder the position compare follows (PC_ENC).</summary>
public enum EncEnum
{
    /// <summary>Encoder 1.</summary>
    [EnumLabel("Enc1")]
    Enc1,

    /// <summary>Encoder 2.</summary>
    [EnumLabel("Enc2")]
    Enc2,

    /// <summary>Encoder 3.</summary>
    [EnumLabel("Enc3")]
    Enc3,

    /// <summary>Encoder 4.</summary>
    [EnumLabel("Enc4")]
    Enc4,

    /// <summary>The average of encoders 1 to 4.</summary>
    [EnumLabel("Enc1-4Av")]
    Enc1To4Av,
}
