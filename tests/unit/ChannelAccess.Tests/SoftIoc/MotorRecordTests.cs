using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Records;

namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class MotorRecordTests
{
    // 1 mm/s reached in 0.5 s: a move of d > 0.5 mm takes d + 0.5 s.
    private const string Motor = """
        record(motor, "M") {
            field(EGU, "mm") field(PREC, 3) field(MRES, 0.001)
            field(VELO, 1) field(VBAS, 0) field(ACCL, 0.5) field(VMAX, 5)
            field(DHLM, 100) field(DLLM, -100)
        }
        """;

    private static TestIoc Ioc(string extra = "") => new(Motor + extra);

    [Fact]
    public async Task A_move_follows_a_trapezoid_on_the_clock_and_its_put_completes_at_the_end()
    {
        using var ioc = Ioc();
        var put = ioc.PutAsync("M", 10.0);
        Assert.False(put.IsCompleted);
        Assert.Equal((0.0, 1.0), (ioc.Number("M.DMOV"), ioc.Number("M.MOVN")));
        ioc.Advance(0.5);
        Assert.Equal(0.25, ioc.Number("M.RBV"), 9);
        ioc.Advance(5);
        Assert.Equal(5.25, ioc.Number("M.RBV"), 9);
        ioc.Advance(4.9);
        Assert.Equal(9.99, ioc.Number("M.RBV"), 9);
        Assert.False(put.IsCompleted);
        Assert.Equal(0.0, ioc.Number("M.DMOV"));
        ioc.Advance(0.1);
        Assert.True(put.IsCompleted);
        Assert.Equal(Eca.Normal, await put);
        Assert.Equal((10.0, 10.0, 10000.0), (ioc.Number("M.RBV"), ioc.Number("M.DRBV"), ioc.Number("M.RRBV")));
        Assert.Equal((1.0, 0.0), (ioc.Number("M.DMOV"), ioc.Number("M.MOVN")));
    }

    [Fact]
    public async Task An_instant_asked_about_after_a_move_ended_is_answered_along_that_move()
    {
        using var ioc = Ioc();
        var motor = (MotorRecord)ioc.Database.FindRecord("M")!;
        var start = ioc.Time.GetTimestamp();
        var put = ioc.PutAsync("M", 10.0);
        ioc.Advance(11);
        Assert.Equal(Eca.Normal, await put);
        var midway = start + (long)(5.5 * ioc.Time.TimestampFrequency);

        // A twin detector that lagged behind reads omega for an exposure that happened during the move.
        Assert.Equal(5.25, motor.UserPositionAt(midway), 9);
        Assert.Equal(10.0, motor.UserPositionAt(ioc.Time.GetTimestamp()), 9);
    }

    [Fact]
    public async Task An_instant_in_an_earlier_move_is_answered_along_it_while_a_later_move_runs()
    {
        using var ioc = Ioc();
        var motor = (MotorRecord)ioc.Database.FindRecord("M")!;
        var start = ioc.Time.GetTimestamp();
        var put = ioc.PutAsync("M", 10.0);
        ioc.Advance(11);
        Assert.Equal(Eca.Normal, await put);
        ioc.Advance(2);
        var back = ioc.PutAsync("M", 0.0);
        ioc.Advance(3);

        Assert.Equal(5.25, motor.UserPositionAt(start + (long)(5.5 * ioc.Time.TimestampFrequency)), 9);
        Assert.Equal(10.0, motor.UserPositionAt(start + (long)(12 * ioc.Time.TimestampFrequency)), 9);
        Assert.True(motor.UserPositionAt(ioc.Time.GetTimestamp()) < 10.0, "the move back is under way");
        ioc.Advance(11);
        Assert.Equal(Eca.Normal, await back);
    }

    [Fact]
    public void Rbv_updates_at_the_poll_rate_and_dmov_goes_to_zero_and_back()
    {
        using var ioc = Ioc();
        var rbv = ioc.Monitor("M.RBV");
        var dmov = ioc.Monitor("M.DMOV");
        var movn = ioc.Monitor("M.MOVN");
        var put = ioc.PutAsync("M", 1.0);
        for (var i = 0; i < 15; i++)
        {
            ioc.Advance(0.1);
        }

        Assert.True(put.IsCompleted);
        Assert.Equal(15, rbv.Count);
        Assert.Equal(1.0, rbv[^1].Value.GetDouble(), 9);
        Assert.True(rbv.Select(u => u.Value.GetDouble()).SequenceEqual(rbv.Select(u => u.Value.GetDouble()).Order()));
        Assert.Equal([0.0, 1.0], dmov.Select(u => u.Value.GetDouble()));
        Assert.Equal([1.0, 0.0], movn.Select(u => u.Value.GetDouble()));
        Assert.All(rbv, u => Assert.Equal(EventMask.Value | EventMask.Log, u.Events));
    }

    [Fact]
    public void A_short_move_never_reaches_full_speed()
    {
        using var ioc = Ioc();
        // 0.2 mm at 2 mm/s²: 0.316 s up to 0.632 mm/s, 0.316 s down.
        var put = ioc.PutAsync("M", 0.2);
        ioc.Advance(0.3);
        Assert.Equal(0.09, ioc.Number("M.RBV"), 3);
        ioc.Advance(0.33);
        Assert.False(put.IsCompleted);
        ioc.Advance(0.003);
        Assert.True(put.IsCompleted);
        Assert.Equal(0.2, ioc.Number("M.RBV"), 9);
    }

    [Fact]
    public async Task A_move_beyond_the_soft_limits_is_refused_with_LVIO()
    {
        using var ioc = Ioc();
        var put = ioc.PutAsync("M", 150.0);
        Assert.True(put.IsCompleted);
        Assert.Equal(Eca.Normal, await put);
        Assert.Equal((1.0, 0.0, 1.0), (ioc.Number("M.LVIO"), ioc.Number("M"), ioc.Number("M.DMOV")));
        Assert.Equal(0.0, ioc.Number("M.MOVN"));
        var ok = ioc.PutAsync("M", 0.5);
        Assert.Equal(0.0, ioc.Number("M.LVIO"));
        ioc.Advance(1);
        Assert.True(ok.IsCompleted);
        Assert.Equal(0.5, ioc.Number("M.RBV"), 9);
    }

    [Fact]
    public void User_limits_follow_dial_limits_direction_and_offset()
    {
        using var ioc = Ioc();
        Assert.Equal((100.0, -100.0), (ioc.Number("M.HLM"), ioc.Number("M.LLM")));
        ioc.Put("M.HLM", 5.0);
        Assert.Equal(5.0, ioc.Number("M.DHLM"));
        Assert.True(ioc.PutAsync("M", 6.0).IsCompleted);
        Assert.Equal(1.0, ioc.Number("M.LVIO"));
        ioc.Put("M.OFF", 10.0);
        Assert.Equal((15.0, -90.0, 10.0), (ioc.Number("M.HLM"), ioc.Number("M.LLM"), ioc.Number("M.RBV")));
        ioc.Put("M.DIR", "Neg");
        Assert.Equal((110.0, 5.0), (ioc.Number("M.HLM"), ioc.Number("M.LLM")));
    }

    [Fact]
    public void Stop_decelerates_the_axis_completes_the_put_and_syncs_val()
    {
        using var ioc = Ioc();
        var put = ioc.PutAsync("M", 10.0);
        ioc.Advance(2);
        Assert.Equal(1.75, ioc.Number("M.RBV"), 9);
        var stop = ioc.PutAsync("M.STOP", 1);
        Assert.Equal(0.0, ioc.Number("M.STOP"));
        Assert.False(put.IsCompleted);
        ioc.Advance(0.5);
        Assert.True(put.IsCompleted);
        Assert.True(stop.IsCompleted);
        Assert.Equal(2.0, ioc.Number("M.RBV"), 9);
        Assert.Equal(2.0, ioc.Number("M"), 9);
        Assert.Equal((1.0, 0.0), (ioc.Number("M.DMOV"), ioc.Number("M.MOVN")));
    }

    [Fact]
    public void Spmg_pause_and_go_resume_the_move()
    {
        using var ioc = Ioc();
        var put = ioc.PutAsync("M", 3.0);
        ioc.Advance(1);
        var pause = ioc.PutAsync("M.SPMG", "Pause");
        ioc.Advance(0.5);
        Assert.True(put.IsCompleted && pause.IsCompleted);
        Assert.Equal(1.0, ioc.Number("M.RBV"), 9);
        Assert.Equal(3.0, ioc.Number("M"));
        var go = ioc.PutAsync("M.SPMG", "Go");
        Assert.False(go.IsCompleted);
        ioc.Advance(2.5);
        Assert.True(go.IsCompleted);
        Assert.Equal(3.0, ioc.Number("M.RBV"), 9);
    }

    [Fact]
    public void With_SPMG_Stop_a_new_target_waits_for_Go()
    {
        using var ioc = Ioc();
        ioc.Put("M.SPMG", "Stop");
        Assert.Equal(Eca.Normal, ioc.Put("M", 1.0));
        ioc.Advance(2);
        Assert.Equal((0.0, 1.0), (ioc.Number("M.RBV"), ioc.Number("M.DMOV")));
        var go = ioc.PutAsync("M.SPMG", "Go");
        ioc.Advance(1.5);
        Assert.True(go.IsCompleted);
        Assert.Equal(1.0, ioc.Number("M.RBV"), 9);
    }

    [Fact]
    public void A_new_target_while_moving_stops_then_goes_there()
    {
        using var ioc = Ioc();
        var first = ioc.PutAsync("M", 10.0);
        ioc.Advance(1);
        var second = ioc.PutAsync("M", 2.0);
        ioc.Advance(0.5);
        Assert.Equal(1.0, ioc.Number("M.RBV"), 9);
        Assert.False(first.IsCompleted);
        ioc.Advance(1.4);
        Assert.False(second.IsCompleted);
        ioc.Advance(0.1);
        Assert.True(first.IsCompleted && second.IsCompleted);
        Assert.Equal(2.0, ioc.Number("M.RBV"), 9);
    }

    [Fact]
    public void Set_mode_redefines_the_user_position_without_moving()
    {
        using var ioc = Ioc();
        ioc.Put("M.SET", "Set");
        Assert.Equal(Eca.Normal, ioc.Put("M", 100.0));
        Assert.Equal((100.0, 100.0, 0.0, 0.0), (ioc.Number("M.OFF"), ioc.Number("M.RBV"), ioc.Number("M.DRBV"), ioc.Number("M.MOVN")));
        Assert.Equal((200.0, 0.0), (ioc.Number("M.HLM"), ioc.Number("M.LLM")));
        ioc.Put("M.SET", "Use");
        var move = ioc.PutAsync("M", 101.0);
        ioc.Advance(1.5);
        Assert.True(move.IsCompleted);
        Assert.Equal((101.0, 1.0), (ioc.Number("M.RBV"), ioc.Number("M.DRBV")));
    }

    [Fact]
    public void Set_mode_with_a_frozen_offset_redefines_the_dial_position()
    {
        using var ioc = Ioc();
        ioc.Put("M.FOFF", "Frozen");
        ioc.Put("M.SET", "Set");
        ioc.Put("M", 50.0);
        Assert.Equal((0.0, 50.0, 50.0), (ioc.Number("M.OFF"), ioc.Number("M.DRBV"), ioc.Number("M.RBV")));
        Assert.Equal(50.0, ((MotorRecord)ioc.Database.FindRecord("M")!).DialPosition);
    }

    [Fact]
    public void A_negative_direction_mirrors_user_and_dial()
    {
        using var ioc = Ioc();
        ioc.Put("M.DIR", "Neg");
        var put = ioc.PutAsync("M", 3.0);
        ioc.Advance(3.5);
        Assert.True(put.IsCompleted);
        Assert.Equal((3.0, -3.0, -3.0), (ioc.Number("M.RBV"), ioc.Number("M.DRBV"), ioc.Number("M.DVAL")));
    }

    [Fact]
    public void Positions_are_whole_steps_of_MRES()
    {
        using var ioc = new TestIoc("record(motor, M) { field(MRES, 0.1) field(VELO, 10) }");
        var put = ioc.PutAsync("M", 1.04);
        ioc.Advance(1);
        Assert.True(put.IsCompleted);
        Assert.Equal((10.0, 10.0), (ioc.Number("M.RVAL"), ioc.Number("M.RRBV")));
        Assert.Equal(1.0, ioc.Number("M.RBV"), 9);
    }

    [Fact]
    public void Writing_the_current_position_completes_at_once()
    {
        using var ioc = Ioc();
        var dmov = ioc.Monitor("M.DMOV");
        Assert.Equal(Eca.Normal, ioc.Put("M", 0.0));
        Assert.Equal([0.0, 1.0], dmov.Select(u => u.Value.GetDouble()));
    }

    [Fact]
    public void Without_velocity_a_move_is_instant()
    {
        using var ioc = new TestIoc("record(motor, M) { field(MRES, 0.01) }");
        Assert.Equal(Eca.Normal, ioc.Put("M", 4.0));
        Assert.Equal(4.0, ioc.Number("M.RBV"), 9);
    }

    [Fact]
    public void Velocity_is_kept_between_VBAS_and_VMAX()
    {
        using var ioc = Ioc();
        ioc.Put("M.VELO", 50.0);
        Assert.Equal(5.0, ioc.Number("M.VELO"));
        Assert.Equal(Eca.Normal, ioc.Put("M.ACCL", 0.0));
        Assert.Equal(0.1, ioc.Number("M.ACCL"));
    }

    [Fact]
    public void Tweaks_and_relative_moves_offset_the_target()
    {
        using var ioc = Ioc();
        ioc.Put("M.TWV", 0.5);
        var tweak = ioc.PutAsync("M.TWF", 1);
        Assert.Equal((0.5, 0.0), (ioc.Number("M"), ioc.Number("M.TWF")));
        ioc.Advance(1);
        Assert.True(tweak.IsCompleted);
        var relative = ioc.PutAsync("M.RLV", -2.0);
        Assert.Equal((-1.5, 0.0), (ioc.Number("M"), ioc.Number("M.RLV")));
        ioc.Advance(2.5);
        Assert.True(relative.IsCompleted);
        Assert.Equal(-1.5, ioc.Number("M.RBV"), 9);
    }

    [Fact]
    public void Homing_drives_to_dial_zero()
    {
        using var ioc = new TestIoc(Motor.Replace("field(DLLM, -100)", "field(DLLM, -100) field(DVAL, 2)", StringComparison.Ordinal));
        Assert.Equal(2.0, ioc.Number("M.RBV"), 9);
        var home = ioc.PutAsync("M.HOMR", 1);
        ioc.Advance(2.5);
        Assert.True(home.IsCompleted);
        Assert.Equal((0.0, 1.0, 0.0, 0.0), (ioc.Number("M.RBV"), ioc.Number("M.ATHM"), ioc.Number("M.HOMR"), ioc.Number("M")));
    }

    [Fact]
    public void Jogging_moves_while_the_button_is_held()
    {
        using var ioc = Ioc();
        ioc.Put("M.JVEL", 2.0);
        var press = ioc.PutAsync("M.JOGF", 1);
        ioc.Advance(1);
        Assert.Equal(1, ioc.Number("M.MOVN"));
        Assert.False(press.IsCompleted);
        var release = ioc.PutAsync("M.JOGF", 0);
        ioc.Advance(1);
        Assert.True(press.IsCompleted && release.IsCompleted);
        Assert.Equal((0.0, 1.0), (ioc.Number("M.MOVN"), ioc.Number("M.DMOV")));
        Assert.Equal(ioc.Number("M.RBV"), ioc.Number("M"), 9);
        Assert.InRange(ioc.Number("M.RBV"), 1.0, 2.5);
    }

    [Fact]
    public void A_limit_switch_stops_the_axis_and_refuses_moves_into_it()
    {
        using var ioc = new TestIoc(Motor.Replace("field(VMAX, 5)", "field(VMAX, 5) field(HLSV, MAJOR)", StringComparison.Ordinal));
        var motor = (MotorRecord)ioc.Database.FindRecord("M")!;
        var put = ioc.PutAsync("M", 10.0);
        ioc.Advance(2);
        motor.SimulateLimitSwitch(high: true, active: true);
        Assert.True(put.IsCompleted);
        Assert.Equal((1.0, 1.0, 0.0), (ioc.Number("M.HLS"), ioc.Number("M.DMOV"), ioc.Number("M.MOVN")));
        Assert.Equal(1.75, ioc.Number("M"), 9);
        Assert.Equal((AlarmStatus.High, AlarmSeverity.Major), (ioc.Read("M").Status, ioc.Read("M").Severity));
        Assert.True(ioc.PutAsync("M", 5.0).IsCompleted);
        Assert.Equal(1.75, ioc.Number("M.RBV"), 9);
        var back = ioc.PutAsync("M", 1.0);
        Assert.False(back.IsCompleted);
        motor.SimulateLimitSwitch(high: true, active: false);
        ioc.Advance(2);
        Assert.True(back.IsCompleted);
        Assert.Equal(AlarmSeverity.NoAlarm, ioc.Read("M").Severity);
    }

    [Fact]
    public void A_stall_stops_the_axis_where_it_is_and_reports_it_until_cleared()
    {
        using var ioc = Ioc();
        var motor = (MotorRecord)ioc.Database.FindRecord("M")!;
        var put = ioc.PutAsync("M", 10.0);
        ioc.Advance(2);
        motor.SimulateStall(true);
        Assert.True(put.IsCompleted);
        var stoppedAt = ioc.Number("M.RBV");
        Assert.InRange(stoppedAt, 0.5, 9.5);
        Assert.Equal((1.0, 0.0, 1.0), (ioc.Number("M.DMOV"), ioc.Number("M.MOVN"), ioc.Number("M.MISS")));
        Assert.Equal(0x240u, (uint)ioc.Number("M.MSTA") & 0x240u);
        Assert.Equal((AlarmStatus.State, AlarmSeverity.Major), (ioc.Read("M").Status, ioc.Read("M").Severity));

        // Moves while stalled end at once without leaving the spot.
        Assert.True(ioc.PutAsync("M", 0.0).IsCompleted);
        ioc.Advance(5);
        Assert.Equal(stoppedAt, ioc.Number("M.RBV"), 9);

        motor.SimulateStall(false);
        var again = ioc.PutAsync("M", 0.0);
        ioc.Advance(20);
        Assert.True(again.IsCompleted);
        Assert.Equal((0.0, 0.0), (ioc.Number("M.RBV"), ioc.Number("M.MISS")));
        Assert.Equal(0u, (uint)ioc.Number("M.MSTA") & 0x240u);
        Assert.Equal(AlarmSeverity.NoAlarm, ioc.Read("M").Severity);
    }

    [Fact]
    public void Readbacks_are_read_only_and_metadata_follows_the_motor_record()
    {
        using var ioc = Ioc();
        foreach (var name in new[] { "M.RBV", "M.DRBV", "M.RRBV", "M.DMOV", "M.MOVN", "M.LVIO", "M.HLS", "M.LLS" })
        {
            Assert.Equal(AccessRights.Read, ioc.Pv(name).RightsFor(ClientIdentity.Anonymous));
        }

        var val = ioc.Read("M");
        Assert.Equal(("mm", (short)3), (val.Units, val.Precision));
        Assert.Equal((100.0, -100.0, 100.0, -100.0), (val.Limits.UpperControl, val.Limits.LowerControl, val.Limits.UpperDisplay, val.Limits.LowerDisplay));
        Assert.Equal("mm/sec", ioc.Read("M.VELO").Units);
        Assert.Equal((5.0, 0.0), (ioc.Read("M.VELO").Limits.UpperControl, ioc.Read("M.VELO").Limits.LowerControl));
        Assert.Equal("sec", ioc.Read("M.ACCL").Units);
        Assert.Equal("Go", ioc.Text("M.SPMG"));
        Assert.Equal(["Use", "Set"], ioc.Read("M.SET").EnumStrings);
        Assert.Equal((AlarmStatus.NoAlarm, AlarmSeverity.NoAlarm), (ioc.Read("M").Status, ioc.Read("M").Severity));
    }

    [Fact]
    public void A_calc_following_RBV_over_a_cp_link_tracks_the_move()
    {
        using var ioc = Ioc("record(calc, DOUBLE) { field(INPA, \"M.RBV CP\") field(CALC, \"A*2\") }");
        var updates = ioc.Monitor("DOUBLE");
        var put = ioc.PutAsync("M", 1.0);
        for (var i = 0; i < 15; i++)
        {
            ioc.Advance(0.1);
        }

        Assert.True(put.IsCompleted);
        Assert.Equal(2.0, ioc.Number("DOUBLE"), 9);
        Assert.True(updates.Count >= 10);
    }

    [Fact]
    public void The_forward_link_fires_when_the_move_is_done()
    {
        using var ioc = new TestIoc(Motor.Replace("field(DLLM, -100)", "field(DLLM, -100) field(FLNK, DONE)", StringComparison.Ordinal) + "record(calc, DONE) { field(CALC, \"VAL+1\") }");
        var put = ioc.PutAsync("M", 1.0);
        Assert.Equal(0.0, ioc.Number("DONE"));
        ioc.Advance(1.5);
        Assert.True(put.IsCompleted);
        Assert.Equal(1.0, ioc.Number("DONE"));
    }

    [Fact]
    public async Task Disposing_the_database_fails_pending_moves()
    {
        using var ioc = Ioc();
        var put = ioc.PutAsync("M", 10.0);
        ioc.Database.Dispose();
        Assert.True(put.IsCompleted);
        Assert.Equal(Eca.Putfail, await put);
    }

    [Fact]
    public async Task A_cancelled_put_stops_waiting_but_not_the_move()
    {
        using var ioc = Ioc();
        using var cancel = new CancellationTokenSource();
        var put = ioc.Pv("M").WriteAsync(DbrValue.Of(5.0), ClientIdentity.Anonymous, cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => put);
        Assert.Equal(1.0, ioc.Number("M.MOVN"));
    }
}
