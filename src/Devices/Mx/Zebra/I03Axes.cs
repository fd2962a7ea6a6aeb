namespace Hyperion.Devices.Mx.Zebra;

/// <summary>Which zebra encoder follows which i03 axis.</summary>
public static class I03Axes
{
    /// <summary>Smargon x1: encoder 1.</summary>
    public const EncEnum SmargonX1 = EncEnum.Enc1;

    /// <summary>Smargon y: encoder 2.</summary>
    public const EncEnum SmargonY = EncEnum.Enc2;

    /// <summary>Smargon z: encoder 3.</summary>
    public const EncEnum SmargonZ = EncEnum.Enc3;

    /// <summary>Omega: encoder 4.</summary>
    public const EncEnum Omega = EncEnum.Enc4;
}
