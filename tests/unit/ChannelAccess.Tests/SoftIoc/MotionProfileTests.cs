using Hyperion.ChannelAccess.SoftIoc.Motion;

namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class MotionProfileTests
{
    [Fact]
    public void A_long_move_is_a_trapezoid()
    {
        // 1 mm/s reached in 0.5 s (2 mm/s²): 0.25 mm up, 9.5 mm at speed, 0.25 mm down.
        var profile = MotionProfile.Move(0, 10, velocity: 1, baseVelocity: 0, accelerationTime: 0.5);
        Assert.Equal(10.5, profile.Duration, 12);
        Assert.Equal(3, profile.Segments.Count);
        Assert.Equal(0.0625, profile.PositionAt(0.25), 12);
        Assert.Equal(0.25, profile.PositionAt(0.5), 12);
        Assert.Equal(5.25, profile.PositionAt(5.5), 12);
        Assert.Equal(9.99, profile.PositionAt(10.4), 12);
        Assert.Equal(10, profile.PositionAt(11));
        Assert.Equal(0.5, profile.VelocityAt(0.25), 12);
        Assert.Equal(1, profile.VelocityAt(5), 12);
        Assert.Equal(0, profile.VelocityAt(11));
    }

    [Fact]
    public void A_short_move_is_a_triangle()
    {
        var profile = MotionProfile.Move(1, 0.8, velocity: 1, baseVelocity: 0, accelerationTime: 0.5);
        var peakTime = Math.Sqrt(0.2 / 2);
        Assert.Equal(2, profile.Segments.Count);
        Assert.Equal(2 * peakTime, profile.Duration, 12);
        Assert.Equal(0.9, profile.PositionAt(peakTime), 12);
        Assert.Equal(-2 * peakTime, profile.VelocityAt(peakTime), 9);
    }

    [Fact]
    public void A_base_velocity_starts_and_ends_the_ramp()
    {
        // From 1 to 3 mm/s in 1 s: 2 mm/s², 2 mm per ramp.
        var profile = MotionProfile.Move(0, 10, velocity: 3, baseVelocity: 1, accelerationTime: 1);
        Assert.Equal(2, profile.PositionAt(1), 12);
        Assert.Equal(1 + 1 + 2, profile.Duration, 12);
        Assert.Equal(1, profile.VelocityAt(0), 12);
    }

    [Fact]
    public void Without_speed_a_move_is_instant()
    {
        Assert.Equal(0, MotionProfile.Move(0, 5, velocity: 0, baseVelocity: 0, accelerationTime: 0.2).Duration);
        Assert.Equal(0, MotionProfile.Move(3, 3, velocity: 1, baseVelocity: 0, accelerationTime: 0.2).Duration);
    }

    [Fact]
    public void A_stop_decelerates_at_the_move_s_rate()
    {
        var stop = MotionProfile.Stop(position: 2, velocity: -1, slewVelocity: 1, baseVelocity: 0, accelerationTime: 0.5);
        Assert.Equal(0.5, stop.Duration, 12);
        Assert.Equal(1.75, stop.End, 12);
        Assert.Equal(0, MotionProfile.Stop(2, 0, 1, 0, 0.5).Duration);
    }
}
