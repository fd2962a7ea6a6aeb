using Hyperion.Devices.Mx.Aperture;

namespace Hyperion.Cli.Parameters;

/// <summary>Rotation scan defaults (mx-bluesky's RotationParamConstants).</summary>
public static class RotationParamConstants
{
    /// <summary>The aperture a rotation uses when none is selected.</summary>
    public const ApertureValue DefaultAperturePosition = ApertureValue.Large;

    /// <summary>The default fast-shutter opening time, seconds.</summary>
    public const double DefaultShutterTimeS = 0.06;

    /// <summary>The default rotation increment per image, degrees.</summary>
    public const double DefaultRotationIncrementDeg = 0.1;
}
