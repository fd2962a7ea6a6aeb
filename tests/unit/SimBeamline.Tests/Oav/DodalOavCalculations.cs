using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Tests.Oav;

/// <summary>
/// dodal's OAV arithmetic (devices/oav/utils.py and oav_calculations.py), as the pin-tip centring and grid
/// detection plans use it, with the i03 OAV's default directions (x -1, y -1, z 1).
/// </summary>
internal static class DodalOavCalculations
{
    /// <summary>calculate_beam_distance: (beam − pixel), in pixels.</summary>
    public static (double Horizontal, double Vertical) BeamDistance((int X, int Y) beamCentre, (double X, double Y) pixel) =>
        (beamCentre.X - pixel.X, beamCentre.Y - pixel.Y);

    /// <summary>camera_coordinates_to_xyz: pixels from the beam to a smargon move in mm.</summary>
    public static Vector3D CameraCoordinatesToXyz(double horizontal, double vertical, double omegaDegrees, double micronsPerPixelX, double micronsPerPixelY)
    {
        var h = horizontal * micronsPerPixelX * 1e-3;
        var v = vertical * micronsPerPixelY * 1e-3;
        var radians = omegaDegrees * Math.PI / 180;
        return new Vector3D(-h, -v * Math.Cos(radians), v * Math.Sin(radians));
    }

    /// <summary>calculate_x_y_z_of_pixel: where the smargon must go for <paramref name="pixel"/> to be on the beam.</summary>
    public static Vector3D PositionPuttingPixelOnBeam(Vector3D stage, double omegaDegrees, (double X, double Y) pixel, (int X, int Y) beamCentre, (double X, double Y) micronsPerPixel)
    {
        var (horizontal, vertical) = BeamDistance(beamCentre, pixel);
        return stage + CameraCoordinatesToXyz(horizontal, vertical, omegaDegrees, micronsPerPixel.X, micronsPerPixel.Y);
    }
}
