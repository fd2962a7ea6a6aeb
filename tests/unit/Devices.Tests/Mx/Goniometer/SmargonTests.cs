using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Mx.Goniometer;

namespace Hyperion.Devices.Tests.Mx.Goniometer;

public class SmargonTests
{
    private const string Prefix = "BL03I-MO-SGON-01:";

    private static async Task<Smargon> MockSmargonAsync()
    {
        var smargon = new Smargon(Prefix, "smargon");
        await smargon.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return smargon;
    }

    private static void SetLimits(Motor motor, double low, double high)
    {
        motor.LowLimitTravel.Mock!.SetValue(low);
        motor.HighLimitTravel.Mock!.SetValue(high);
        motor.DialLowLimitTravel.Mock!.SetValue(low);
        motor.DialHighLimitTravel.Mock!.SetValue(high);
    }

    [Fact]
    public void The_motors_and_signals_use_dodals_pvs()
    {
        var smargon = new Smargon(Prefix, "smargon");
        Assert.Equal("BL03I-MO-SGON-01:X.RBV", Pv.Read(smargon.X.UserReadback));
        Assert.Equal("BL03I-MO-SGON-01:Y.VAL", Pv.Write(smargon.Y.UserSetpoint));
        Assert.Equal("BL03I-MO-SGON-01:Z.VAL", Pv.Write(smargon.Z.UserSetpoint));
        Assert.Equal("BL03I-MO-SGON-01:OMEGA.RBV", Pv.Read(smargon.Omega.UserReadback));
        Assert.Equal("BL03I-MO-SGON-01:CHI.VELO", Pv.Read(smargon.Chi.Velocity));
        Assert.Equal("BL03I-MO-SGON-01:PHI.VAL", Pv.Write(smargon.Phi.UserSetpoint));
        Assert.Equal("BL03I-MO-SGON-01:MOTOR_3.VAL", Pv.Write(smargon.RealX1.UserSetpoint));
        Assert.Equal("BL03I-MO-SGON-01:MOTOR_4.VAL", Pv.Write(smargon.RealX2.UserSetpoint));
        Assert.Equal("BL03I-MO-SGON-01:MOTOR_1.VAL", Pv.Write(smargon.RealY.UserSetpoint));
        Assert.Equal("BL03I-MO-SGON-01:MOTOR_2.VAL", Pv.Write(smargon.RealZ.UserSetpoint));
        Assert.Equal("BL03I-MO-SGON-01:MOTOR_5.VAL", Pv.Write(smargon.RealPhi.UserSetpoint));
        Assert.Equal("BL03I-MO-SGON-01:MOTOR_6.VAL", Pv.Write(smargon.RealChi.UserSetpoint));
        Assert.Equal("BL03I-MO-SGON-01:DISABLED", Pv.Read(smargon.Disabled));
        Assert.Equal("BL03I-MO-SGON-01:CS1:DeferMoves", Pv.Write(smargon.DeferMove));
        Assert.Equal("BL03I-MO-SGON-01:CS1:DeferMoves", Pv.Read(smargon.DeferMove));
        Assert.Equal("BL03I-MO-SGON-01:CENTER_CS.PROC", Pv.Write(smargon.StubOffsets.CenterAtCurrentPosition.Proc));
        Assert.Equal("BL03I-MO-SGON-01:CENTER_CS.DISP", Pv.Read(smargon.StubOffsets.CenterAtCurrentPosition.Disp));
        Assert.Equal("BL03I-MO-SGON-01:SET_STUBS_TO_RL.PROC", Pv.Write(smargon.StubOffsets.ToRobotLoad.Proc));
        Assert.Equal("BL03I-MO-SGON-01:SET_STUBS_TO_RL.DISP", Pv.Read(smargon.StubOffsets.ToRobotLoad.Disp));
    }

    [Fact]
    public void Children_are_named_as_in_dodal()
    {
        var smargon = new Smargon(Prefix, "smargon");
        Assert.Equal("smargon-x", smargon.X.Name);
        Assert.Equal("smargon-real_x1", smargon.RealX1.Name);
        Assert.Equal("smargon-wrapped_omega-offset_and_phase", smargon.WrappedOmega.OffsetAndPhase.Name);
        Assert.Equal("smargon-stub_offsets-center_at_current_position-proc", smargon.StubOffsets.CenterAtCurrentPosition.Proc.Name);
        Assert.Equal("smargon-stub_offsets-to_robot_load-disp", smargon.StubOffsets.ToRobotLoad.Disp.Name);
        Assert.Equal("smargon-defer_move", smargon.DeferMove.Name);
        Assert.Equal("smargon-disabled", smargon.Disabled.Name);
        Assert.DoesNotContain(smargon.Children, c => c.Key == "deferred_move_set_timeout");
    }

    [Fact]
    public async Task Reads_the_motors_the_wrapped_omega_and_disabled_and_hints_the_motors()
    {
        var smargon = await MockSmargonAsync();
        smargon.Omega.UserReadback.Mock!.SetValue(450);
        smargon.Disabled.Mock!.SetValue(1);
        var reading = await smargon.ReadAsync();
        string[] expected =
        [
            "smargon-chi", "smargon-disabled", "smargon-omega", "smargon-phi", "smargon-real_chi", "smargon-real_phi",
            "smargon-real_x1", "smargon-real_x2", "smargon-real_y", "smargon-real_z", "smargon-wrapped_omega-offset_and_phase",
            "smargon-wrapped_omega-phase", "smargon-x", "smargon-y", "smargon-z",
        ];
        Assert.Equal(expected, reading.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, reading["smargon-disabled"].Value);
        Assert.Equal(90.0, reading["smargon-wrapped_omega-phase"].Value);
        Assert.Equal(new float[] { 360, 90 }, (float[])reading["smargon-wrapped_omega-offset_and_phase"].Value!);
        Assert.Contains("smargon-wrapped_omega-offset_and_phase", smargon.Hints.Fields!);
        Assert.Contains("smargon-x", smargon.Hints.Fields!);
        Assert.DoesNotContain("smargon-disabled", smargon.Hints.Fields!);
        Assert.DoesNotContain("smargon-wrapped_omega-phase", smargon.Hints.Fields!);
    }

    [Fact]
    public async Task A_combined_move_defers_puts_every_setpoint_then_releases_the_deferral()
    {
        var smargon = await MockSmargonAsync();
        var events = new List<string>();
        smargon.DeferMove.Mock!.PutCallback = (value, wait) =>
        {
            lock (events)
            {
                events.Add($"defer {value} wait={wait}");
            }

            return Task.CompletedTask;
        };
        foreach (var (axis, motor) in new[] { ("x", smargon.X), ("y", smargon.Y), ("z", smargon.Z), ("phi", smargon.Phi), ("chi", smargon.Chi) })
        {
            motor.UserSetpoint.Mock!.PutCallback = (value, wait) =>
            {
                lock (events)
                {
                    events.Add($"{axis}={value} wait={wait}");
                }

                motor.UserReadback.Mock!.SetValue(value);
                return Task.CompletedTask;
            };
        }

        await smargon.Set(new CombinedMove { X = 1, Y = 2, Z = 3, Phi = 4, Chi = 5 });

        Assert.Equal(["defer On wait=True", "x=1 wait=True", "y=2 wait=True", "z=3 wait=True", "phi=4 wait=True", "chi=5 wait=True", "defer Off wait=True"], events);
        Assert.Equal(3, await smargon.Z.UserReadback.GetValueAsync());
        Assert.Equal(5, await smargon.Chi.UserReadback.GetValueAsync());
        Assert.Equal(DeferMoves.Off, await smargon.DeferMove.GetValueAsync());
    }

    [Fact]
    public async Task Axes_left_out_of_a_combined_move_are_not_put()
    {
        var smargon = await MockSmargonAsync();
        await smargon.SetAsync(new CombinedMove { Y = -1.5 });
        Assert.Empty(smargon.X.UserSetpoint.Mock!.Puts);
        Assert.Empty(smargon.Phi.UserSetpoint.Mock!.Puts);
        Assert.Equal(-1.5, Assert.Single(smargon.Y.UserSetpoint.Mock!.Puts).Value);
        Assert.Equal([DeferMoves.On, DeferMoves.Off], smargon.DeferMove.Mock!.Puts.Select(p => p.Value));
    }

    [Fact]
    public async Task The_combined_move_waits_for_the_axes_puts_to_complete_after_the_deferral_is_released()
    {
        var smargon = await MockSmargonAsync();
        var xMoving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        smargon.X.UserSetpoint.Mock!.PutCallback = async (value, _) =>
        {
            // The setpoint reads back once the IOC has it; the put callback returns only when the motion ends.
            smargon.X.UserSetpoint.Mock!.SetValue(value);
            await xMoving.Task;
        };

        var move = smargon.SetAsync(new CombinedMove { X = 2 });
        await smargon.DeferMove.WaitForValueAsync(DeferMoves.Off, TimeSpan.FromSeconds(5));
        Assert.False(move.IsCompleted);
        xMoving.SetResult();
        await move.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_move_outside_the_limits_fails_puts_nothing_for_that_axis_and_still_releases_the_deferral()
    {
        var smargon = await MockSmargonAsync();
        SetLimits(smargon.Y, -5, 5);
        var error = await Assert.ThrowsAsync<MotorLimitsException>(() => smargon.SetAsync(new CombinedMove { X = 1, Y = 7.5 }));
        Assert.Equal("smargon-y", error.Motor);
        Assert.Equal("smargon-y motor trajectory for requested fly/move is from 0.0mm to 7.5mm but motor limits are -5.0mm <= x <= 5.0mm dial limits are -5.0mm <= x <= 5.0.", error.Message);
        Assert.Single(smargon.X.UserSetpoint.Mock!.Puts);
        Assert.Empty(smargon.Y.UserSetpoint.Mock!.Puts);
        Assert.Equal([DeferMoves.On, DeferMoves.Off], smargon.DeferMove.Mock!.Puts.Select(p => p.Value));
    }

    [Fact]
    public async Task Zero_dial_limits_mean_no_limit_check()
    {
        var smargon = await MockSmargonAsync();
        smargon.X.LowLimitTravel.Mock!.SetValue(-1);
        smargon.X.HighLimitTravel.Mock!.SetValue(1);
        await smargon.SetAsync(new CombinedMove { X = 100 });
        Assert.Equal(100, await smargon.X.UserReadback.GetValueAsync());
    }

    [Fact]
    public async Task A_setpoint_that_is_not_read_back_times_out_and_releases_the_deferral()
    {
        var smargon = await MockSmargonAsync();
        smargon.DeferredMoveSetTimeout = TimeSpan.FromMilliseconds(50);
        smargon.X.UserSetpoint.Mock!.BlockPuts();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => smargon.SetAsync(new CombinedMove { X = 1, Z = 2 }));
        Assert.Contains("smargon-x-user_setpoint did not become 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(smargon.Z.UserSetpoint.Mock!.Puts);
        Assert.Equal([DeferMoves.On, DeferMoves.Off], smargon.DeferMove.Mock!.Puts.Select(p => p.Value));
        smargon.X.UserSetpoint.Mock.ReleasePuts();
    }

    [Fact]
    public async Task A_name_that_is_not_a_motor_is_refused_before_anything_is_put()
    {
        var smargon = await MockSmargonAsync();
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => smargon.SetAsync([new("x", 1), new("disabled", 2)]));
        Assert.Equal("Motor disabled not found in combined move", error.Message);
        Assert.Empty(smargon.DeferMove.Mock!.Puts);
        Assert.Empty(smargon.X.UserSetpoint.Mock!.Puts);
    }

    [Fact]
    public async Task Named_moves_follow_the_order_given()
    {
        var smargon = await MockSmargonAsync();
        var order = new List<string>();
        smargon.Z.UserSetpoint.Mock!.PutCallback = (v, _) => { order.Add("z"); smargon.Z.UserReadback.Mock!.SetValue(v); return Task.CompletedTask; };
        smargon.X.UserSetpoint.Mock!.PutCallback = (v, _) => { order.Add("x"); smargon.X.UserReadback.Mock!.SetValue(v); return Task.CompletedTask; };
        await smargon.Set(new Dictionary<string, double> { ["z"] = 1, ["x"] = 2 });
        Assert.Equal(["z", "x"], order);
    }

    [Fact]
    public void Set_refuses_other_values()
    {
        var smargon = new Smargon(Prefix, "smargon");
        var error = Assert.Throws<SignalTypeException>(() => smargon.Set(3.0));
        Assert.Equal("smargon: set expects a CombinedMove, got Double.", error.Message);
    }

    [Fact]
    public async Task Centring_the_stubs_waits_for_the_record_to_be_enabled_then_for_x_y_z_to_read_near_zero()
    {
        var smargon = await MockSmargonAsync();
        var center = smargon.StubOffsets.CenterAtCurrentPosition;
        center.Disp.Mock!.SetValue(1);
        smargon.X.UserReadback.Mock!.SetValue(0.5);
        smargon.Y.UserReadback.Mock!.SetValue(0.05);
        smargon.Z.UserReadback.Mock!.SetValue(-0.3);

        var status = smargon.StubOffsets.Set(StubPosition.CurrentAsCenter);
        await smargon.X.UserReadback.GetValueAsync();
        Assert.Empty(center.Proc.Mock!.Puts);

        var proc = Pv.NextPut(center.Proc.Mock);
        center.Disp.Mock.SetValue(0);
        Assert.Equal(1, await proc);
        Assert.Equal(new Hyperion.Devices.Backends.MockPut<int>(1, true), center.Proc.Mock.Puts[0]);
        Assert.False(status.Done);

        smargon.X.UserReadback.Mock.SetValue(0.1);
        Assert.False(status.Done);
        smargon.Z.UserReadback.Mock.SetValue(-0.01);
        await status.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(smargon.StubOffsets.ToRobotLoad.Proc.Mock!.Puts);
    }

    [Fact]
    public async Task Resetting_the_stubs_processes_the_robot_load_record()
    {
        var smargon = await MockSmargonAsync();
        await smargon.StubOffsets.Set(StubPosition.ResetToRobotLoad);
        Assert.Equal(1, Assert.Single(smargon.StubOffsets.ToRobotLoad.Proc.Mock!.Puts).Value);
        Assert.Empty(smargon.StubOffsets.CenterAtCurrentPosition.Proc.Mock!.Puts);
    }

    [Fact]
    public async Task Set_when_enabled_writes_its_value_once_disp_is_zero()
    {
        var device = new SetWhenEnabled("BL03I-MO-SGON-01:CENTER_CS", "centre");
        await device.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await device.Set(5);
        Assert.Equal(5, Assert.Single(device.Proc.Mock!.Puts).Value);
    }
}
