namespace Hyperion.Devices.Mx.Zebra;

/// <summary>Which zebra encoder follows which i23 axis.</summary>
public static class I23Axes
{
    /// <summary>Omega: encoder 1.</summary>
    public const EncEnum Omega = EncEnum.Enc1;
}
