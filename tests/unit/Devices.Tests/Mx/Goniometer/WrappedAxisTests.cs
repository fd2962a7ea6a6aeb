using Hyperion.Devices.Core;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Mx.Goniometer;

namespace Hyperion.Devices.Tests.Mx.Goniometer;

public class WrappedAxisTests
{
    private static async Task<(Motor Omega, WrappedAxis Wrapped)> MockAsync(double omega)
    {
        var motor = new Motor("BL03I-MO-SGON-01:OMEGA", "smargon-omega");
        var wrapped = new WrappedAxis(motor, "smargon-wrapped_omega");
        await motor.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await wrapped.ConnectAsync(new DeviceConnectOptions { Mock = true });
        motor.UserReadback.Mock!.SetValue(omega);
        return (motor, wrapped);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 180, 180)]
    [InlineData(0, 360, 0)]
    [InlineData(180, 360, 0)]
    [InlineData(181, 360, 360)]
    [InlineData(270, 0, 360)]
    [InlineData(-270, 0, -360)]
    [InlineData(0, 450, 90)]
    public async Task Setting_the_phase_moves_omega_the_shortest_way(double current, double phase, double expected)
    {
        var (omega, wrapped) = await MockAsync(current);
        await wrapped.Phase.SetAsync(phase);
        Assert.Equal(expected, Assert.Single(omega.UserSetpoint.Mock!.Puts).Value);
    }

    [Theory]
    [InlineData(361, 1)]
    [InlineData(-90, 270)]
    [InlineData(-270, 90)]
    [InlineData(450, 90)]
    public async Task The_phase_reads_the_unwrapped_angle_modulo_360(double unwrapped, double phase)
    {
        var (_, wrapped) = await MockAsync(unwrapped);
        Assert.Equal(phase, await wrapped.Phase.GetValueAsync());
    }

    [Fact]
    public async Task Offset_and_phase_reads_whole_turns_and_phase_and_sets_normalised()
    {
        var (omega, wrapped) = await MockAsync(450);
        var offsetAndPhase = await wrapped.OffsetAndPhase.GetValueAsync();
        Assert.Equal(new float[] { 360, 90 }, offsetAndPhase);
        await wrapped.OffsetAndPhase.SetAsync([360f, 400f]);
        Assert.Equal(760, await omega.UserReadback.GetValueAsync());
    }

    [Fact]
    public async Task Derived_values_follow_the_motor_for_subscribers()
    {
        var (omega, wrapped) = await MockAsync(10);
        omega.UserReadback.Mock!.SetValue(725);
        await wrapped.Phase.WaitForValueAsync(5.0, TimeSpan.FromSeconds(5));
        Assert.Equal("soft://smargon-wrapped_omega-phase", wrapped.Phase.Source);
    }

    [Fact]
    public void Angle_with_phase_wraps_by_floor_division()
    {
        Assert.Equal(new AngleWithPhase(-360, 270), AngleWithPhase.Wrap(-90));
        Assert.Equal(new AngleWithPhase(720, 0), new AngleWithPhase(0, 720).Normalise());
        Assert.Equal(405, new AngleWithPhase(360, 45).Unwrap());
    }
}
