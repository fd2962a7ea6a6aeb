using Hyperion.Nexus.Geometry;

namespace Hyperion.Nexus.Tests;

public class DetectorGeometryTests
{
    [Fact]
    public void The_direct_beam_lands_on_the_beam_centre()
    {
        var detector = DetectorGeometry.Eiger4M(200) with { BeamCentreFast = 1000.5, BeamCentreSlow = 1100.25 };
        var hit = detector.Project(BeamGeometry.Direction);
        Assert.NotNull(hit);
        Assert.Equal(1000.5, hit.Value.Fast, 9);
        Assert.Equal(1100.25, hit.Value.Slow, 9);
    }

    [Fact]
    public void Projection_inverts_lab_position()
    {
        var detector = DetectorGeometry.Eiger16M(350);
        var p = detector.LabPosition(123.25, 4000.75);
        var hit = detector.Project(p.Normalized())!.Value;
        Assert.Equal(123.25, hit.Fast, 6);
        Assert.Equal(4000.75, hit.Slow, 6);
    }

    [Fact]
    public void A_ray_going_back_to_the_source_misses()
    {
        Assert.Null(DetectorGeometry.Eiger4M(200).Project(new Vector3D(0.1, 0, -1)));
    }

    [Fact]
    public void Eiger_sizes_are_whole_modules_with_gaps()
    {
        // 1028 × 512 modules, 12-pixel gaps between columns of modules and 38 between rows.
        Assert.Equal((4 * 1028) + (3 * 12), DetectorGeometry.Eiger16M(100).Width);
        Assert.Equal((8 * 512) + (7 * 38), DetectorGeometry.Eiger16M(100).Height);
        Assert.Equal((2 * 1028) + 12, DetectorGeometry.Eiger4M(100).Width);
        Assert.Equal((4 * 512) + (3 * 38), DetectorGeometry.Eiger4M(100).Height);
    }

    [Fact]
    public void Omega_turns_the_smargon_frame_about_minus_x()
    {
        var gonio = GoniometerGeometry.I03;
        // At omega 90 about -x, +y turns to -z.
        var p = gonio.LabPosition(new Vector3D(0, 1, 0), default, 90);
        Assert.Equal(0, p.X, 9);
        Assert.Equal(0, p.Y, 9);
        Assert.Equal(-1, p.Z, 9);
        // A point at the stage position is at the interaction point, whatever omega.
        Assert.Equal(0, gonio.LabPosition(new Vector3D(1, 2, 3), new Vector3D(1, 2, 3), 37).Length, 12);
    }
}
