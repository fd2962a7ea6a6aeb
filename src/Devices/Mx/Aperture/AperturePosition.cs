namespace Hyperion.Devices.Mx.Aperture;

/// <summary>Where the five aperture-scatterguard axes go for one position (dodal's AperturePosition), in mm; diameter in µm.</summary>
/// <param name="ApertureX">Aperture x.</param>
/// <param name="ApertureY">Aperture y.</param>
/// <param name="ApertureZ">Aperture z.</param>
/// <param name="ScatterguardX">Scatterguard x.</param>
/// <param name="ScatterguardY">Scatterguard y.</param>
/// <param name="Diameter">The aperture's diameter in µm (infinite out of the beam).</param>
public sealed record AperturePosition(double ApertureX, double ApertureY, double ApertureZ, double ScatterguardX, double ScatterguardY, double Diameter = 0.0)
{
    /// <summary>The axes' positions: aperture x, y, z, scatterguard x, y.</summary>
    public IReadOnlyList<double> Values => [ApertureX, ApertureY, ApertureZ, ScatterguardX, ScatterguardY];

    /// <summary>The GDA position <paramref name="name"/> (e.g. SMALL_APERTURE): miniap_x_{name}, ..., sg_y_{name}.</summary>
    public static AperturePosition FromGdaParams(string name, double diameter, BeamlineParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new AperturePosition(
            parameters.GetDouble($"miniap_x_{name}"),
            parameters.GetDouble($"miniap_y_{name}"),
            parameters.GetDouble($"miniap_z_{name}"),
            parameters.GetDouble($"sg_x_{name}"),
            parameters.GetDouble($"sg_y_{name}"),
            diameter);
    }

    /// <summary>Each axis's tolerance: miniap_x_tolerance, ..., sg_y_tolerance.</summary>
    public static AperturePosition TolerancesFromGdaParams(BeamlineParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new AperturePosition(
            parameters.GetDouble("miniap_x_tolerance"),
            parameters.GetDouble("miniap_y_tolerance"),
            parameters.GetDouble("miniap_z_tolerance"),
            parameters.GetDouble("sg_x_tolerance"),
            parameters.GetDouble("sg_y_tolerance"));
    }
}
