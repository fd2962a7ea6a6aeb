namespace Hyperion.SimBeamline.Tests.Oav;

/// <summary>The port of dodal's OAV arithmetic gives dodal's own test values (tests/devices/oav/test_oav_utils.py).</summary>
public sealed class DodalOavCalculationsTests
{
    [Theory]
    [InlineData(1.58, 517, 350, 0, 100, 190, -0.659, -0.253, 0)]
    [InlineData(2.87, 477, 359, 0, 100, 190, -1.082, -0.485, 0)]
    [InlineData(2.87, 477, 359, 0, 50, 250, -1.226, -0.313, 0)]
    [InlineData(1.58, 517, 350, 45, 100, 190, -0.659, -0.179, 0.179)]
    public void The_move_that_puts_a_pixel_on_the_beam_is_dodals(double micronsPerPixel, int beamX, int beamY, double omega, int pixelX, int pixelY, double x, double y, double z)
    {
        var position = DodalOavCalculations.PositionPuttingPixelOnBeam(default, omega, (pixelX, pixelY), (beamX, beamY), (micronsPerPixel, micronsPerPixel));

        Assert.Equal(x, position.X, tolerance: 1e-3);
        Assert.Equal(y, position.Y, tolerance: 1e-3);
        Assert.Equal(z, position.Z, tolerance: 1e-3);
    }
}
