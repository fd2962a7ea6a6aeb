namespace Hyperion.Nexus.Geometry;

/// <summary>
/// The sample goniometer in the lab frame (see <see cref="DetectorGeometry"/>): omega rotates about
/// <see cref="OmegaAxis"/> through the beam's interaction point; the smargon's x, y and z translations ride on omega
/// and, at omega 0, point along <see cref="SamXAxis"/>, <see cref="SamYAxis"/>, <see cref="SamZAxis"/>. A point
/// that the smargon reads as <c>p</c> (at omega 0) sits, with the smargon at <c>s</c> and omega at ω, at
/// <c>R(OmegaAxis, ω) · (p − s)</c> from the interaction point.
/// </summary>
public sealed record GoniometerGeometry
{
    /// <summary>I03's omega axis, (-1, 0, 0), as its NeXus files record it.</summary>
    public Vector3D OmegaAxis { get; init; } = new(-1, 0, 0);

    /// <summary>The smargon's x at omega 0 (along the rotation axis).</summary>
    public Vector3D SamXAxis { get; init; } = new(1, 0, 0);

    /// <summary>The smargon's y at omega 0 (up).</summary>
    public Vector3D SamYAxis { get; init; } = new(0, 1, 0);

    /// <summary>The smargon's z at omega 0 (along the beam).</summary>
    public Vector3D SamZAxis { get; init; } = new(0, 0, 1);

    /// <summary>I03's goniometer.</summary>
    public static GoniometerGeometry I03 { get; } = new();

    /// <summary>The rotation omega applies (degrees).</summary>
    public Matrix3 OmegaRotation(double omegaDegrees) => Matrix3.Rotation(OmegaAxis, omegaDegrees * Math.PI / 180);

    /// <summary>
    /// The lab position (mm, from the interaction point) of a point the smargon reads as <paramref name="point"/> at
    /// omega 0, with the smargon at <paramref name="stage"/> and omega at <paramref name="omegaDegrees"/>.
    /// </summary>
    public Vector3D LabPosition(Vector3D point, Vector3D stage, double omegaDegrees)
    {
        var d = point - stage;
        var inGonio = (SamXAxis * d.X) + (SamYAxis * d.Y) + (SamZAxis * d.Z);
        return OmegaRotation(omegaDegrees) * inGonio;
    }
}
