using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Tests.Support;

namespace Hyperion.Devices.Tests.Motors;

public class MotorTests
{
    private static async Task<Motor> MockMotorAsync(double low = -10, double high = 10)
    {
        var motor = new Motor("BL03S-MO-SGON-01:X", "smargon-x");
        await motor.ConnectAsync(new DeviceConnectOptions { Mock = true });
        motor.LowLimitTravel.Mock!.SetValue(low);
        motor.HighLimitTravel.Mock!.SetValue(high);
        return motor;
    }

    [Fact]
    public async Task The_motor_reads_its_readback_under_its_own_name_and_hints_it()
    {
        var motor = await MockMotorAsync();
        motor.UserReadback.Mock!.SetValue(1.25);
        var reading = await motor.ReadAsync();
        Assert.Equal(1.25, Assert.Single(reading, r => r.Key == "smargon-x").Value.Value);
        Assert.Equal(["smargon-x"], motor.Hints.Fields);
        var configuration = await motor.ReadConfigurationAsync();
        Assert.Equal(["smargon-x-motor_egu", "smargon-x-offset", "smargon-x-velocity"], configuration.Keys.Order());
        Assert.Equal("mock+ca://BL03S-MO-SGON-01:X.RBV", (await motor.DescribeAsync())["smargon-x"].Source);
    }

    [Fact]
    public async Task A_mock_motor_moves_instantly_and_reports_progress()
    {
        var motor = await MockMotorAsync();
        var status = motor.SetTo(2.5);
        var updates = new List<WatcherUpdate>();
        status.Watch(updates.Add);
        await status;
        Assert.Equal(2.5, await motor.UserReadback.GetValueAsync());
        Assert.Equal([new(2.5, false)], motor.UserSetpoint.Mock!.Puts.Select(p => (p.Value, !p.Wait)).Select(p => new Hyperion.Devices.Backends.MockPut<double>(p.Value, p.Item2)));
        Assert.Equal(new Location(2.5, 2.5), await motor.LocateAsync());
        Assert.Equal(2.5, Assert.Single(updates, u => u.Current == 2.5).Target);
    }

    [Fact]
    public async Task A_move_outside_the_limits_fails_before_anything_moves()
    {
        var motor = await MockMotorAsync(-5, 5);
        var error = await Assert.ThrowsAsync<MotorLimitsException>(() => motor.MoveToAsync(7.5));
        Assert.Equal("smargon-x: a move from 0 mm to 7.5 mm would go outside the limits -5 mm < x < 5 mm.", error.Message);
        Assert.Empty(motor.UserSetpoint.Mock!.Puts);
    }

    [Fact]
    public async Task Zero_limits_mean_no_limits()
    {
        var motor = await MockMotorAsync(0, 0);
        await motor.MoveToAsync(1000);
        Assert.Equal(1000, await motor.UserReadback.GetValueAsync());
    }

    [Fact]
    public async Task Stopping_a_move_makes_it_fail()
    {
        var motor = await MockMotorAsync();
        motor.UserSetpoint.Mock!.BlockPuts();
        var move = motor.MoveToAsync(3);
        await motor.StopAsync();
        motor.UserSetpoint.Mock.ReleasePuts();
        var error = await Assert.ThrowsAsync<MotorStoppedException>(() => move);
        Assert.Equal("smargon-x: the move to 3 was stopped.", error.Message);
        Assert.Single(motor.MotorStop.Mock!.Puts);
    }

    [Fact]
    public async Task A_move_that_times_out_names_the_device_target_and_elapsed_time()
    {
        var motor = await MockMotorAsync();
        motor.UserSetpoint.Mock!.BlockPuts();
        var error = await Assert.ThrowsAsync<DeviceSetTimeoutException>(() => motor.MoveToAsync(4, TimeSpan.FromMilliseconds(50)));
        Assert.Equal("smargon-x", error.Device);
        Assert.Equal(4.0, error.Target);
        Assert.True(error.Elapsed >= TimeSpan.FromMilliseconds(45), $"elapsed {error.Elapsed}");
        Assert.StartsWith("smargon-x: set to 4 did not finish within 0.05 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_move_time_out_is_distance_over_velocity_plus_twice_the_acceleration_plus_the_default()
    {
        Assert.Equal(TimeSpan.FromSeconds((10.0 / 2) + (2 * 0.5) + 10), Motor.MoveTimeout(10, 2, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(11), Motor.MoveTimeout(10, 0, 0.5));
    }

    [Fact]
    public async Task A_plan_value_of_the_wrong_type_is_refused()
    {
        var motor = await MockMotorAsync();
        var error = Assert.Throws<SignalTypeException>(() => motor.Set("left"));
        Assert.Contains("expected double", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fly_prepare_ramps_up_before_the_start_and_kickoff_runs_past_the_end()
    {
        var motor = await MockMotorAsync(-100, 100);
        motor.AccelerationTime.Mock!.SetValue(0.5);
        await motor.Prepare(new FlyMotorInfo(0, 10, TimeSpan.FromSeconds(5)));
        Assert.Equal(-0.5, await motor.UserReadback.GetValueAsync(), 9);
        Assert.Equal(2.0, await motor.Velocity.GetValueAsync());
        await motor.Kickoff();
        await motor.Complete();
        Assert.Equal(10.5, await motor.UserReadback.GetValueAsync(), 9);
    }

    [Fact]
    public async Task Fly_faster_than_the_maximum_velocity_is_refused()
    {
        var motor = await MockMotorAsync(-100, 100);
        var error = await Assert.ThrowsAsync<MotorLimitsException>(() => motor.Prepare(new FlyMotorInfo(0, 100, TimeSpan.FromSeconds(1))).Task);
        Assert.Contains("a speed of 100 mm/s was requested for a motor with a maximum speed of 10 mm/s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_channel_access_a_move_completes_when_the_motor_record_stops()
    {
        await using var ioc = await SoftIoc.StartAsync("""
            record(motor, "BL03S-MO-SGON-01:X") {
                field(EGU, "mm") field(PREC, "3") field(MRES, "0.001")
                field(VELO, "10") field(VMAX, "20") field(ACCL, "0.05")
                field(DHLM, "50") field(DLLM, "-50")
            }
            """);
        var motor = new Motor("BL03S-MO-SGON-01:X", "smargon-x");
        await motor.ConnectAsync(ioc.Connect());

        var status = motor.SetTo(1.5);
        var updates = new List<double>();
        status.Watch(u => updates.Add(u.Current));
        await status.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(1.5, await motor.UserReadback.GetValueAsync(), 3);
        Assert.Equal(1, await motor.MotorDoneMove.GetValueAsync());
        Assert.All(updates, u => Assert.InRange(u, 0.0, 1.5));
        Assert.Equal("mm", (await motor.DescribeAsync())["smargon-x"].Units);
        Assert.Equal(UseSetMode.Use, await motor.SetUseSwitch.GetValueAsync());

        var error = await Assert.ThrowsAsync<MotorLimitsException>(() => motor.MoveToAsync(75));
        Assert.Contains("-50 mm < x < 50 mm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_channel_access_stop_ends_a_move_early_and_fails_it()
    {
        await using var ioc = await SoftIoc.StartAsync("""
            record(motor, "M") { field(MRES, "0.001") field(VELO, "1") field(ACCL, "0.01") }
            """);
        var motor = new Motor("M", "m");
        await motor.ConnectAsync(ioc.Connect());
        var move = motor.MoveToAsync(10);
        await motor.UserReadback.WaitForValueAsync(v => v > 0.05, TimeSpan.FromSeconds(10), "moving");
        await motor.StopAsync();
        await Assert.ThrowsAsync<MotorStoppedException>(() => move.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await motor.UserReadback.GetValueAsync() < 5);
    }
}
