namespace Hyperion.Nexus.Geometry;

/// <summary>
/// The X-ray beam at the sample: it travels along +z in the lab frame (see <see cref="DetectorGeometry"/>).
/// </summary>
/// <param name="WavelengthAngstrom">The wavelength in Å (12.398 / energy in keV).</param>
/// <param name="FluxPhotonsPerSecond">The flux at the sample, photons per second.</param>
/// <param name="SizeXMicrons">The beam's full width at half maximum along x.</param>
/// <param name="SizeYMicrons">The beam's full width at half maximum along y.</param>
public sealed record BeamGeometry(double WavelengthAngstrom, double FluxPhotonsPerSecond, double SizeXMicrons, double SizeYMicrons)
{
    /// <summary>hc in keV·Å.</summary>
    public const double HcKevAngstrom = 12.398419843320026;

    /// <summary>The direction of travel.</summary>
    public static Vector3D Direction { get; } = new(0, 0, 1);

    /// <summary>The photon energy in keV.</summary>
    public double EnergyKev => HcKevAngstrom / WavelengthAngstrom;

    /// <summary>A beam of <paramref name="energyKev"/> keV.</summary>
    public static BeamGeometry FromEnergy(double energyKev, double fluxPhotonsPerSecond = 1e12, double sizeXMicrons = 80, double sizeYMicrons = 20) =>
        new(HcKevAngstrom / energyKev, fluxPhotonsPerSecond, sizeXMicrons, sizeYMicrons);
}
