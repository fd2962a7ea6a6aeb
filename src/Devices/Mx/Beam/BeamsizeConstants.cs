namespace Hyperion.Devices.Mx.Beam;

/// <summary>i03's focused beam (dodal's i03 BeamsizeConstants).</summary>
public static class BeamsizeConstants
{
    /// <summary>The beam's width at the sample, µm.</summary>
    public const double BeamWidthUm = 80.0;

    /// <summary>The beam's height at the sample, µm.</summary>
    public const double BeamHeightUm = 20.0;
}
