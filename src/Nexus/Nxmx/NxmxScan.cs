using Hyperion.Nexus.Geometry;

namespace Hyperion.Nexus.Nxmx;

/// <summary>
/// The goniometer at every image: omega at the image's start and the smargon's x, y, z (mm, each along its
/// <see cref="GoniometerGeometry"/> axis), so a rotation (omega stepping, stage still) and a grid scan (omega still,
/// the stage stepping) are both recorded image by image.
/// </summary>
public sealed record NxmxScan
{
    /// <summary>Creates a scan; every list has one value per image.</summary>
    public NxmxScan(IReadOnlyList<double> omega, double omegaIncrement, IReadOnlyList<double> samX, IReadOnlyList<double> samY, IReadOnlyList<double> samZ)
    {
        ArgumentNullException.ThrowIfNull(omega);
        ArgumentNullException.ThrowIfNull(samX);
        ArgumentNullException.ThrowIfNull(samY);
        ArgumentNullException.ThrowIfNull(samZ);
        if (omega.Count == 0)
        {
            throw new ArgumentException("A scan has at least one image.", nameof(omega));
        }

        if (samX.Count != omega.Count || samY.Count != omega.Count || samZ.Count != omega.Count)
        {
            throw new ArgumentException($"Every axis needs one value per image: omega has {omega.Count}, sam_x {samX.Count}, sam_y {samY.Count}, sam_z {samZ.Count}.");
        }

        Omega = omega.ToArray();
        OmegaIncrement = omegaIncrement;
        SamX = samX.ToArray();
        SamY = samY.ToArray();
        SamZ = samZ.ToArray();
    }

    /// <summary>Omega (degrees) at each image's start.</summary>
    public IReadOnlyList<double> Omega { get; }

    /// <summary>How far omega turns during each image (degrees; 0 for stills and grid scans).</summary>
    public double OmegaIncrement { get; }

    /// <summary>The smargon's x (mm) at each image.</summary>
    public IReadOnlyList<double> SamX { get; }

    /// <summary>The smargon's y (mm) at each image.</summary>
    public IReadOnlyList<double> SamY { get; }

    /// <summary>The smargon's z (mm) at each image.</summary>
    public IReadOnlyList<double> SamZ { get; }

    /// <summary>The images.</summary>
    public int ImageCount => Omega.Count;

    /// <summary>The stage position (mm) at image <paramref name="index"/>.</summary>
    public Vector3D Stage(int index) => new(SamX[index], SamY[index], SamZ[index]);

    /// <summary>A rotation: <paramref name="images"/> images from <paramref name="omegaStart"/>, the stage at <paramref name="stage"/>.</summary>
    public static NxmxScan Rotation(double omegaStart, double omegaIncrement, int images, Vector3D stage = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(images);
        return new(
            Enumerable.Range(0, images).Select(i => omegaStart + (i * omegaIncrement)).ToArray(),
            omegaIncrement,
            Enumerable.Repeat(stage.X, images).ToArray(),
            Enumerable.Repeat(stage.Y, images).ToArray(),
            Enumerable.Repeat(stage.Z, images).ToArray());
    }

    /// <summary>A grid scan: one still image at each of <paramref name="stagePositions"/>, omega fixed.</summary>
    public static NxmxScan Grid(double omega, IReadOnlyList<Vector3D> stagePositions)
    {
        ArgumentNullException.ThrowIfNull(stagePositions);
        return new(
            Enumerable.Repeat(omega, stagePositions.Count).ToArray(),
            0,
            stagePositions.Select(p => p.X).ToArray(),
            stagePositions.Select(p => p.Y).ToArray(),
            stagePositions.Select(p => p.Z).ToArray());
    }

    /// <summary>Whether two scans record the same values, to <paramref name="tolerance"/>.</summary>
    public bool Matches(NxmxScan other, double tolerance = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ImageCount == other.ImageCount
            && Math.Abs(OmegaIncrement - other.OmegaIncrement) <= tolerance
            && Same(Omega, other.Omega) && Same(SamX, other.SamX) && Same(SamY, other.SamY) && Same(SamZ, other.SamZ);

        bool Same(IReadOnlyList<double> a, IReadOnlyList<double> b) => a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= tolerance);
    }
}
