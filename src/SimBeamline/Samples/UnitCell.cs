using System.Text.Json.Serialization;
using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Samples;

/// <summary>
/// A crystal's unit cell: lengths in Å, angles in degrees. <see cref="ReciprocalBasis"/> is the Busing–Levy B of
/// A = U·B, in Å⁻¹ without the 2π, as DIALS and most MX programs use it.
/// </summary>
/// <param name="LengthA">a (Å).</param>
/// <param name="LengthB">b (Å).</param>
/// <param name="LengthC">c (Å).</param>
/// <param name="Alpha">α (degrees).</param>
/// <param name="Beta">β (degrees).</param>
/// <param name="Gamma">γ (degrees).</param>
public sealed record UnitCell(
    [property: JsonPropertyName("a")] double LengthA,
    [property: JsonPropertyName("b")] double LengthB,
    [property: JsonPropertyName("c")] double LengthC,
    [property: JsonPropertyName("alpha")] double Alpha,
    [property: JsonPropertyName("beta")] double Beta,
    [property: JsonPropertyName("gamma")] double Gamma)
{
    /// <summary>Throws a <see cref="SampleException"/> naming the parameter that cannot make a cell.</summary>
    public void Validate(string path = "crystal.unit_cell")
    {
        foreach (var (name, value) in new[] { ("a", LengthA), ("b", LengthB), ("c", LengthC) })
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new SampleException($"{path}.{name}", $"must be a positive length in Å, not {value}");
            }
        }

        foreach (var (name, value) in new[] { ("alpha", Alpha), ("beta", Beta), ("gamma", Gamma) })
        {
            if (!double.IsFinite(value) || value <= 0 || value >= 180)
            {
                throw new SampleException($"{path}.{name}", $"must be an angle between 0 and 180 degrees, not {value}");
            }
        }

        if (!(Volume > 0))
        {
            throw new SampleException(path, "the angles do not close a cell (its volume is not positive)");
        }
    }

    /// <summary>The cell volume in Å³.</summary>
    [JsonIgnore]
    public double Volume
    {
        get
        {
            var (ca, cb, cg) = (Cos(Alpha), Cos(Beta), Cos(Gamma));
            return LengthA * LengthB * LengthC * Math.Sqrt(1 - (ca * ca) - (cb * cb) - (cg * cg) + (2 * ca * cb * cg));
        }
    }

    /// <summary>B: the reciprocal axes a*, b*, c* as columns, a* along x and b* in the xy plane (Busing &amp; Levy 1967).</summary>
    [JsonIgnore]
    public Matrix3 ReciprocalBasis
    {
        get
        {
            var volume = Volume;
            var (ca, cb, cg) = (Cos(Alpha), Cos(Beta), Cos(Gamma));
            var (sa, sb, sg) = (Sin(Alpha), Sin(Beta), Sin(Gamma));
            var aStar = LengthB * LengthC * sa / volume;
            var bStar = LengthA * LengthC * sb / volume;
            var cStar = LengthA * LengthB * sg / volume;
            var cosBetaStar = ((ca * cg) - cb) / (sa * sg);
            var cosGammaStar = ((ca * cb) - cg) / (sa * sb);
            var sinBetaStar = Math.Sqrt(1 - (cosBetaStar * cosBetaStar));
            var sinGammaStar = Math.Sqrt(1 - (cosGammaStar * cosGammaStar));
            return new Matrix3(
                aStar, bStar * cosGammaStar, cStar * cosBetaStar,
                0, bStar * sinGammaStar, -cStar * sinBetaStar * ca,
                0, 0, 1 / LengthC);
        }
    }

    /// <summary>The spacing of the (h, k, l) planes in Å.</summary>
    public double DSpacing(int h, int k, int l) => 1 / (ReciprocalBasis * new Vector3D(h, k, l)).Length;

    private static double Cos(double degrees) => Math.Cos(degrees * Math.PI / 180);

    private static double Sin(double degrees) => Math.Sin(degrees * Math.PI / 180);
}
