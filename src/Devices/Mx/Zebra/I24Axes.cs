namespace Hyperion.Devices.Mx.Zebra;

/// <summary>Which zebra encoder follows which i24 axis.</summary>
public static class I24Axes
{
    /// <summary>Vertical goniometer z: encoder 1.</summary>
    public const EncEnum VgonZ = EncEnum.Enc1;

    /// <summary>Omega: encoder 2.</summary>
    public const EncEnum Omega = EncEnum.Enc2;

    /// <summary>Vertical goniometer x: encoder 3.</summary>
    public const EncEnum VgonX = EncEnum.Enc3;

    /// <summary>Vertical goniometer yh: encoder 4.</summary>
    public const EncEnum VgonYh = EncEnum.Enc4;
}
