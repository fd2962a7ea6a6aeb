using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// How much of the crystal the beam bathes: the crystal is a box of its size along the smargon's axes about its
/// centre, placed in the lab by <see cref="GoniometerGeometry.LabPosition"/> for the stage position and omega;
/// the beam's profile varies across lab x and y and not along z. The overlap is integrated by the midpoint rule
/// over a grid of points in the box, which is cheap (a few hundred points, once per frame) and exact for any
/// omega, stage position and goniometer axes.
/// </summary>
public static class Illumination
{
    /// <summary>
    /// ∫ over the crystal of the beam's intensity relative to its peak (µm³): the crystal volume that, in the
    /// beam's peak intensity, would diffract as much.
    /// </summary>
    /// <param name="crystal">The crystal (size in µm, centre in the goniometer frame in mm).</param>
    /// <param name="goniometer">The goniometer.</param>
    /// <param name="stageMm">The smargon's x, y, z readings (mm).</param>
    /// <param name="omegaDegrees">Omega (degrees).</param>
    /// <param name="beam">The beam (its size is a full width at half maximum for a Gaussian, the full width for a flat top).</param>
    /// <param name="profile">The beam's profile.</param>
    /// <param name="samplesPerAxis">Grid points along each edge of the box.</param>
    public static double PeakEquivalentVolume(CrystalDefinition crystal, GoniometerGeometry goniometer, Vector3D stageMm, double omegaDegrees, BeamGeometry beam, BeamProfile profile, int samplesPerAxis = 12)
    {
        ArgumentNullException.ThrowIfNull(crystal);
        ArgumentNullException.ThrowIfNull(goniometer);
        ArgumentNullException.ThrowIfNull(beam);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samplesPerAxis);
        var size = crystal.SizeMicrons;
        var n = samplesPerAxis;
        var centre = goniometer.LabPosition(crystal.PositionMm, stageMm, omegaDegrees);

        // The lab displacement per µm along each of the box's edges: the smargon axes turned by omega.
        var rotation = goniometer.OmegaRotation(omegaDegrees);
        var ex = rotation * goniometer.SamXAxis * (size.X * 1e-3 / n);
        var ey = rotation * goniometer.SamYAxis * (size.Y * 1e-3 / n);
        var ez = rotation * goniometer.SamZAxis * (size.Z * 1e-3 / n);
        var corner = centre - ((ex + ey + ez) * (n / 2.0));
        var (halfX, halfY) = (beam.SizeXMicrons * 1e-3 / 2, beam.SizeYMicrons * 1e-3 / 2);

        // A Gaussian of FWHM w: exp(−4 ln2 x²/w²).
        var (gx, gy) = (4 * Math.Log(2) / (4 * halfX * halfX), 4 * Math.Log(2) / (4 * halfY * halfY));
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    var p = corner + (ex * (i + 0.5)) + (ey * (j + 0.5)) + (ez * (k + 0.5));
                    sum += profile == BeamProfile.FlatTop
                        ? (Math.Abs(p.X) <= halfX && Math.Abs(p.Y) <= halfY ? 1 : 0)
                        : Math.Exp(-(gx * p.X * p.X) - (gy * p.Y * p.Y));
                }
            }
        }

        return sum / ((double)n * n * n) * size.X * size.Y * size.Z;
    }

    /// <summary>The area (µm²) of the beam's profile relative to its peak: ∫ profile dA, so that peak intensity = flux / area.</summary>
    public static double PeakEquivalentArea(BeamGeometry beam, BeamProfile profile)
    {
        ArgumentNullException.ThrowIfNull(beam);
        var area = beam.SizeXMicrons * beam.SizeYMicrons;
        return profile == BeamProfile.FlatTop ? area : area * Math.PI / (4 * Math.Log(2));
    }
}
