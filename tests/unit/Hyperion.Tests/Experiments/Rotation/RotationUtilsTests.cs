using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Zebra;

namespace Hyperion.Cli.Tests.Experiments.Rotation;

public sealed class RotationUtilsTests
{
    private static Cli.Parameters.SingleRotationScan Params() =>
        PlanTestData.SingleRotation(json =>
        {
            json["exposure_time_s"] = 0.2;
            json["omega_start_deg"] = 10;
        });

    [Fact]
    public void Motion_profile_has_speed_run_up_shutter_opening_and_signed_distance()
    {
        var motion = RotationUtils.CalculateMotionProfile(Params(), 0.005, 224, omegaFlip: false);

        Assert.Equal(RotationDirection.Negative, motion.Direction);
        Assert.Equal(10, motion.StartScanDeg);
        Assert.Equal(0.5, motion.SpeedForRotationDegS, 12);
        Assert.Equal(0.6, motion.ShutterTimeS);
        Assert.Equal(0.3, motion.ShutterOpeningDeg, 12);
        Assert.Equal(0.00375, motion.AccelerationOffsetDeg, 12);
        Assert.Equal(10.00375, motion.StartMotionDeg, 12);
        Assert.Equal(360, motion.TotalExposureS, 9);
        Assert.Equal(180, motion.ScanWidthDeg, 9);
        Assert.Equal(-180.3075, motion.DistanceToMoveDeg, 9);
        Assert.Equal(224, motion.MaxVelocityDegS);
    }

    [Theory]
    [InlineData(0, 10, 10.00375, false)]
    [InlineData(90, 10, 10.00375, false)]
    [InlineData(375, 370, 370.00375, false)]
    [InlineData(-150, 10, 10.00375, false)]
    [InlineData(0, -10, -10.00375, true)]
    [InlineData(90, -10, -10.00375, true)]
    [InlineData(375, 350, 349.99625, true)]
    [InlineData(-150, -10, -10.00375, true)]
    public void Motion_profile_starts_at_the_equivalent_angle_nearest_the_current_omega(
        double initialOmega, double expectedStart, double expectedStartMotion, bool omegaFlip)
    {
        var motion = RotationUtils.CalculateMotionProfile(Params(), 0.005, 224, AngleWithPhase.Wrap(initialOmega), omegaFlip);

        Assert.Equal(omegaFlip ? RotationDirection.Positive : RotationDirection.Negative, motion.Direction);
        Assert.Equal(expectedStart, motion.StartScanDeg, 9);
        Assert.Equal(expectedStartMotion, motion.StartMotionDeg, 9);
        Assert.Equal(0.00375, motion.AccelerationOffsetDeg, 12);
        Assert.Equal(180.3075 * (omegaFlip ? 1 : -1), motion.DistanceToMoveDeg, 9);
    }

    [Fact]
    public void Omega_flip_is_on_by_default_as_on_i03()
    {
        var motion = RotationUtils.CalculateMotionProfile(Params(), 0.005, 224);

        Assert.Equal(RotationDirection.Positive, motion.Direction);
        Assert.Equal(-10, motion.StartScanDeg, 9);
    }
}
