using System.Text.Json.Serialization;
using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Samples;

/// <summary>
/// The crystal on the pin: its size and centre in the goniometer frame (at omega 0, in mm, as the smargon's x, y,
/// z read), its cell and space group, its orientation (three rotations in degrees about x, y, z, applied in that
/// order; absent: drawn from the sample's seed), mosaic spread and diffraction limit.
/// </summary>
public sealed record CrystalDefinition
{
    /// <summary>Edge lengths along x, y, z in µm.</summary>
    [JsonPropertyName("size_um")]
    public required Vector3D SizeMicrons { get; init; }

    /// <summary>Centre in the goniometer frame in mm.</summary>
    [JsonPropertyName("position_mm")]
    public required Vector3D PositionMm { get; init; }

    /// <summary>The unit cell.</summary>
    [JsonPropertyName("unit_cell")]
    public required UnitCell UnitCell { get; init; }

    /// <summary>The space group symbol (e.g. P41212).</summary>
    [JsonPropertyName("space_group")]
    public string SpaceGroup { get; init; } = "P1";

    /// <summary>Rotations about x, y, z in degrees; null draws a random orientation from the seed.</summary>
    [JsonPropertyName("orientation_deg")]
    public Vector3D? OrientationDegrees { get; init; }

    /// <summary>Mosaic spread in degrees (full width at half maximum).</summary>
    [JsonPropertyName("mosaicity_deg")]
    public double MosaicityDegrees { get; init; } = 0.1;

    /// <summary>The resolution limit in Å (no reflections beyond it).</summary>
    [JsonPropertyName("resolution_limit_a")]
    public double ResolutionLimitAngstrom { get; init; } = 1.5;

    /// <summary>Throws a <see cref="SampleException"/> naming the first field that cannot be simulated.</summary>
    public void Validate(string path = "crystal")
    {
        foreach (var (axis, value) in new[] { ("x", SizeMicrons.X), ("y", SizeMicrons.Y), ("z", SizeMicrons.Z) })
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new SampleException($"{path}.size_um.{axis}", $"must be a positive size in µm, not {value}");
            }
        }

        if (!double.IsFinite(PositionMm.X) || !double.IsFinite(PositionMm.Y) || !double.IsFinite(PositionMm.Z))
        {
            throw new SampleException($"{path}.position_mm", "must be finite");
        }

        UnitCell.Validate($"{path}.unit_cell");
        if (!double.IsFinite(MosaicityDegrees) || MosaicityDegrees < 0 || MosaicityDegrees > 10)
        {
            throw new SampleException($"{path}.mosaicity_deg", $"must be between 0 and 10 degrees, not {MosaicityDegrees}");
        }

        if (!double.IsFinite(ResolutionLimitAngstrom) || ResolutionLimitAngstrom <= 0)
        {
            throw new SampleException($"{path}.resolution_limit_a", $"must be a positive resolution in Å, not {ResolutionLimitAngstrom}");
        }

        if (string.IsNullOrWhiteSpace(SpaceGroup))
        {
            throw new SampleException($"{path}.space_group", "must name a space group");
        }
    }

    /// <summary>U: the orientation matrix, from the given angles or drawn uniformly from <paramref name="random"/>.</summary>
    public Matrix3 Orientation(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (OrientationDegrees is { } angles)
        {
            static double Rad(double degrees) => degrees * Math.PI / 180;
            return Matrix3.Rotation(new Vector3D(0, 0, 1), Rad(angles.Z)) * Matrix3.Rotation(new Vector3D(0, 1, 0), Rad(angles.Y)) * Matrix3.Rotation(new Vector3D(1, 0, 0), Rad(angles.X));
        }

        // A uniformly random rotation (Shoemake's method from three uniform numbers).
        var (u1, u2, u3) = (random.NextDouble(), random.NextDouble(), random.NextDouble());
        var (a, b) = (Math.Sqrt(1 - u1), Math.Sqrt(u1));
        var (qx, qy, qz, qw) = (a * Math.Sin(2 * Math.PI * u2), a * Math.Cos(2 * Math.PI * u2), b * Math.Sin(2 * Math.PI * u3), b * Math.Cos(2 * Math.PI * u3));
        return new Matrix3(
            1 - (2 * ((qy * qy) + (qz * qz))), 2 * ((qx * qy) - (qz * qw)), 2 * ((qx * qz) + (qy * qw)),
            2 * ((qx * qy) + (qz * qw)), 1 - (2 * ((qx * qx) + (qz * qz))), 2 * ((qy * qz) - (qx * qw)),
            2 * ((qx * qz) - (qy * qw)), 2 * ((qy * qz) + (qx * qw)), 1 - (2 * ((qx * qx) + (qy * qy))));
    }
}
