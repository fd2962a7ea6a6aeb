using Hyperion.Cli.Experiments.Errors;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.PinTip;

/// <summary>
/// From OAV pixels to goniometer positions (dodal's oav_calculations and oav utils). On i03 +x in the camera is −x
/// on the smargon and +y in the camera is −y (at omega 0), which the default directions (−1, −1, +1) encode.
/// </summary>
public static class OavCalculations
{
    /// <summary>
    /// The (x, y, z) move in mm that a (<paramref name="horizontal"/>, <paramref name="vertical"/>) pixel offset in the
    /// camera is at <paramref name="omegaDeg"/>: the vertical offset splits between y and z as omega turns.
    /// </summary>
    public static double[] CameraCoordinatesToXyzMm(
        double horizontal,
        double vertical,
        double omegaDeg,
        double micronsPerIPixel,
        double micronsPerJPixel,
        int xDirection = -1,
        int yDirection = -1,
        int zDirection = 1)
    {
        var horizontalMm = horizontal * micronsPerIPixel * 1e-3;
        var verticalMm = vertical * micronsPerJPixel * 1e-3;
        var radians = omegaDeg * Math.PI / 180;
        return [horizontalMm * xDirection, verticalMm * Math.Cos(radians) * yDirection, verticalMm * Math.Sin(radians) * zDirection];
    }

    /// <summary>The pixel distance from (<paramref name="horizontal"/>, <paramref name="vertical"/>) to the beam centre.</summary>
    public static (double Horizontal, double Vertical) CalculateBeamDistance((double X, double Y) beamCentre, double horizontal, double vertical) =>
        (beamCentre.X - horizontal, beamCentre.Y - vertical);

    /// <summary>The goniometer position (mm) that puts <paramref name="pixel"/> on the beam.</summary>
    public static double[] CalculateXyzOfPixel(
        IReadOnlyList<double> currentXyz,
        double currentOmegaDeg,
        (double X, double Y) pixel,
        (double X, double Y) beamCentre,
        (double X, double Y) micronsPerPixel,
        (int X, int Y, int Z)? directions = null)
    {
        ArgumentNullException.ThrowIfNull(currentXyz);
        var (dx, dy, dz) = directions ?? (-1, -1, 1);
        var (h, v) = CalculateBeamDistance(beamCentre, pixel.X, pixel.Y);
        var move = CameraCoordinatesToXyzMm(h, v, currentOmegaDeg, micronsPerPixel.X, micronsPerPixel.Y, dx, dy, dz);
        return [currentXyz[0] + move[0], currentXyz[1] + move[1], currentXyz[2] + move[2]];
    }

    /// <summary>
    /// Reads the goniometer, omega, the beam centre, the scale and the camera's directions, and returns the position
    /// (mm) that puts <paramref name="pixel"/> on the beam (dodal's get_move_required_so_that_beam_is_at_pixel).
    /// </summary>
    public static async Plan<double[]> GetMoveRequiredSoThatBeamIsAtPixel(Smargon smargon, (int X, int Y) pixel, OavBeamCentreFile oav)
    {
        ArgumentNullException.ThrowIfNull(smargon);
        ArgumentNullException.ThrowIfNull(oav);
        double[] current =
        [
            PlanValues.AsDouble(await Stubs.Rd(smargon.X)),
            PlanValues.AsDouble(await Stubs.Rd(smargon.Y)),
            PlanValues.AsDouble(await Stubs.Rd(smargon.Z)),
        ];
        var omega = PlanValues.AsDouble(await Stubs.Rd(smargon.Omega));
        var beamX = PlanValues.AsDouble(await Stubs.Rd(oav.BeamCentreI));
        var beamY = PlanValues.AsDouble(await Stubs.Rd(oav.BeamCentreJ));
        var micronsX = PlanValues.AsDouble(await Stubs.Rd(oav.MicronsPerPixelX), 1);
        var micronsY = PlanValues.AsDouble(await Stubs.Rd(oav.MicronsPerPixelY), 1);
        var directions = (
            (int)PlanValues.AsDouble(await Stubs.Rd(oav.XDirection), -1),
            (int)PlanValues.AsDouble(await Stubs.Rd(oav.YDirection), -1),
            (int)PlanValues.AsDouble(await Stubs.Rd(oav.ZDirection), 1));
        return CalculateXyzOfPixel(current, omega, pixel, (beamX, beamY), (micronsX, micronsY), directions);
    }

    /// <summary>Triggers the detection and returns the tip it found (dodal's wait_for_tip_to_be_found).</summary>
    /// <exception cref="PinNotFoundException">It found none within its validity time-out.</exception>
    public static async Plan<(int X, int Y)> WaitForTipToBeFound(PinTipDetection pinTipDetection)
    {
        ArgumentNullException.ThrowIfNull(pinTipDetection);
        await Stubs.Trigger(pinTipDetection, wait: true);
        var tip = PlanValues.AsInts(await Stubs.Rd(pinTipDetection.TriggeredTip));
        if (tip.Length < 2 || IsInvalid(tip))
        {
            var timeout = PlanValues.AsDouble(await Stubs.Rd(pinTipDetection.ValidityTimeout));
            throw new PinNotFoundException(timeout);
        }

        return (tip[0], tip[1]);
    }

    /// <summary>
    /// <see cref="WaitForTipToBeFound"/>, with a missing tip raised as a <see cref="WarningException"/> so that
    /// unattended collection moves on (mx-bluesky's catch_exception_and_warn).
    /// </summary>
    /// <exception cref="WarningException">No tip was found.</exception>
    public static async Plan<(int X, int Y)> WaitForTipToBeFoundOrWarn(PinTipDetection pinTipDetection)
    {
        try
        {
            return await WaitForTipToBeFound(pinTipDetection);
        }
        catch (PinNotFoundException e)
        {
            throw new WarningException(e.Message, e);
        }
    }

    /// <summary>Whether <paramref name="tip"/> is the detection's "no tip" value.</summary>
    public static bool IsInvalid(IReadOnlyList<int> tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        return tip.Count >= 2 && tip[0] == PinTipDetection.InvalidPosition[0] && tip[1] == PinTipDetection.InvalidPosition[1];
    }
}
