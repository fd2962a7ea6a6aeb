namespace Hyperion.Devices.Mx.Beam;

/// <summary>What a monochromator crystal is (dodal's CrystalMetadata): its use, material, reflection and d-spacing.</summary>
/// <param name="Usage">How the crystal is used ("Bragg").</param>
/// <param name="Type">The material's name.</param>
/// <param name="Reflection">The Miller indices of the reflection.</param>
/// <param name="DSpacingNm">The d-spacing in nm, rounded to 5 places.</param>
public sealed record CrystalMetadata(string Usage, string Type, IReadOnlyList<int> Reflection, double DSpacingNm)
{
    /// <summary>
    /// The metadata of a Bragg crystal of <paramref name="material"/> at reflection (h, k, l) (dodal's
    /// make_crystal_metadata_from_material): d = a / √(h² + k² + l²), in nm to 5 places.
    /// </summary>
    public static CrystalMetadata FromMaterial(CrystalMaterial material, int h, int k, int l)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (h <= 0 || k <= 0 || l <= 0)
        {
            throw new ArgumentException($"Reflection indices must be positive integers, got ({h}, {k}, {l}).", nameof(h));
        }

        var dSpacing = Math.Round(material.LatticeParameterM / Math.Sqrt((h * h) + (k * k) + (l * l)) * 1e9, 5);
        return new CrystalMetadata("Bragg", material.Name, [h, k, l], dSpacing);
    }
}
