namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// Linear attenuation coefficients of detector sensors (mm⁻¹), from the NIST tables as cctbx's eltbx gives them
/// (the values DIALS uses for its parallax correction), interpolated log-log in energy; just above and below an
/// absorption edge both values are listed.
/// </summary>
internal static class SensorAbsorption
{
    private static readonly double[] EnergiesKev =
        [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 26.7, 26.72, 28, 30, 31.8, 31.82, 34, 37, 40, 45, 50, 60, 70, 80, 100];

    private static readonly double[] Silicon =
        [57.085, 34.251, 22.061, 15.07, 10.714, 7.8964, 5.9737, 4.6303, 3.6629, 2.9485, 2.4092, 1.9954, 1.6717, 1.4148, 1.2082, 1.0401, 0.7967, 0.62458, 0.49929, 0.46353, 0.46256, 0.40581, 0.33459, 0.28937, 0.28892, 0.24494, 0.19841, 0.16338, 0.12752, 0.10217, 0.074723, 0.061474, 0.051912, 0.042756];

    private static readonly double[] CadmiumTelluride =
        [520.3, 327.73, 219.04, 154.5, 113.14, 85.622, 66.315, 52.518, 42.375, 34.74, 28.873, 24.262, 20.603, 17.66, 15.264, 13.293, 10.283, 8.1344, 6.5567, 6.1038, 18.231, 16.16, 13.528, 11.626, 21.64, 18.228, 14.643, 11.966, 8.7516, 6.6154, 4.056, 2.68, 1.8718, 1.036];

    /// <summary>μ (mm⁻¹) of <paramref name="material"/> ("Si" or "CdTe") at <paramref name="energyKev"/>; null for another material.</summary>
    public static double? AttenuationPerMm(string material, double energyKev)
    {
        var table = material.Trim().ToUpperInvariant() switch
        {
            "SI" or "SILICON" => Silicon,
            "CDTE" => CadmiumTelluride,
            _ => null,
        };
        if (table is null)
        {
            return null;
        }

        var e = Math.Clamp(energyKev, EnergiesKev[0], EnergiesKev[^1]);
        var i = 0;
        while (i < EnergiesKev.Length - 2 && EnergiesKev[i + 1] < e)
        {
            i++;
        }

        var t = Math.Log(e / EnergiesKev[i]) / Math.Log(EnergiesKev[i + 1] / EnergiesKev[i]);
        return Math.Exp(Math.Log(table[i]) + (t * Math.Log(table[i + 1] / table[i])));
    }

    /// <summary>
    /// The mean depth along the ray (mm) at which a photon crossing a sensor of thickness <paramref name="thicknessMm"/>
    /// at an angle whose cosine to the normal is <paramref name="cosIncidence"/> is absorbed, given it is absorbed
    /// (dxtbx's attenuation length, the offset its parallax correction removes).
    /// </summary>
    public static double MeanAbsorptionDepth(double mu, double thicknessMm, double cosIncidence)
    {
        var path = thicknessMm / cosIncidence;
        return (1 / mu) - ((path + (1 / mu)) * Math.Exp(-mu * path));
    }

    /// <summary>The share of photons a sensor of thickness <paramref name="thicknessMm"/> absorbs at that incidence.</summary>
    public static double Efficiency(double mu, double thicknessMm, double cosIncidence) =>
        1 - Math.Exp(-mu * thicknessMm / cosIncidence);
}
