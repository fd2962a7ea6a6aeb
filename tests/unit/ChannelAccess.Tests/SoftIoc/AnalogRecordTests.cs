namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class AnalogRecordTests
{
    private static (AlarmStatus, AlarmSeverity) Alarm(TestIoc ioc, string pv)
    {
        var value = ioc.Read(pv);
        return (value.Status, value.Severity);
    }

    [Fact]
    public void Ai_limit_alarms_have_hysteresis()
    {
        using var ioc = new TestIoc("record(ai, T) { field(HIGH, 10) field(HSV, MINOR) field(HIHI, 20) field(HHSV, MAJOR) field(HYST, 2) }");
        ioc.Put("T", 5.0);
        Assert.Equal((AlarmStatus.NoAlarm, AlarmSeverity.NoAlarm), Alarm(ioc, "T"));
        ioc.Put("T", 10.0);
        Assert.Equal((AlarmStatus.High, AlarmSeverity.Minor), Alarm(ioc, "T"));
        ioc.Put("T", 8.5);
        Assert.Equal((AlarmStatus.High, AlarmSeverity.Minor), Alarm(ioc, "T"));
        ioc.Put("T", 7.9);
        Assert.Equal((AlarmStatus.NoAlarm, AlarmSeverity.NoAlarm), Alarm(ioc, "T"));
        ioc.Put("T", 9.0);
        Assert.Equal((AlarmStatus.NoAlarm, AlarmSeverity.NoAlarm), Alarm(ioc, "T"));
        ioc.Put("T", 25.0);
        Assert.Equal((AlarmStatus.HiHi, AlarmSeverity.Major), Alarm(ioc, "T"));
        ioc.Put("T", 19.0);
        Assert.Equal((AlarmStatus.HiHi, AlarmSeverity.Major), Alarm(ioc, "T"));
        ioc.Put("T", 17.0);
        Assert.Equal((AlarmStatus.High, AlarmSeverity.Minor), Alarm(ioc, "T"));
        Assert.Equal(10.0, ioc.Number("T.LALM"));
    }

    [Fact]
    public void Ai_low_alarms_mirror_the_high_ones()
    {
        using var ioc = new TestIoc("record(ai, T) { field(LOW, 0) field(LSV, MINOR) field(LOLO, -10) field(LLSV, INVALID) field(HYST, 1) }");
        ioc.Put("T", -10.0);
        Assert.Equal((AlarmStatus.LoLo, AlarmSeverity.Invalid), Alarm(ioc, "T"));
        ioc.Put("T", -9.5);
        Assert.Equal((AlarmStatus.LoLo, AlarmSeverity.Invalid), Alarm(ioc, "T"));
        ioc.Put("T", -5.0);
        Assert.Equal((AlarmStatus.Low, AlarmSeverity.Minor), Alarm(ioc, "T"));
        ioc.Put("T", 1.5);
        Assert.Equal((AlarmStatus.NoAlarm, AlarmSeverity.NoAlarm), Alarm(ioc, "T"));
    }

    [Fact]
    public void Changing_an_alarm_limit_reprocesses_and_re_alarms()
    {
        using var ioc = new TestIoc("record(ai, T) { field(VAL, 5) }");
        ioc.Put("T.HIGH", 4.0);
        ioc.Put("T.HSV", "MINOR");
        Assert.Equal((AlarmStatus.High, AlarmSeverity.Minor), Alarm(ioc, "T"));
    }

    [Fact]
    public void Mdel_and_adel_decide_the_value_and_log_bits()
    {
        using var ioc = new TestIoc("record(ai, T) { field(VAL, 0) field(MDEL, 1) field(ADEL, 5) }");
        var updates = ioc.Monitor("T");
        foreach (var value in new[] { 0.5, 1.5, 2.0, 3.0, 5.1, 5.2 })
        {
            ioc.Put("T", value);
        }

        // 0.5: within both deadbands of 0. 1.5: beyond MDEL. 2.0: 0.5 from 1.5. 3.0: beyond MDEL. 5.1: beyond
        // both (ADEL from 0). 5.2: within both. The first processing also clears the UDF alarm.
        Assert.Equal(
            [(0.5, EventMask.Alarm), (1.5, EventMask.Value), (3.0, EventMask.Value), (5.1, EventMask.Value | EventMask.Log)],
            updates.Select(u => (u.Value.GetDouble(), u.Events)));
    }

    [Fact]
    public void A_zero_deadband_posts_every_change_but_not_a_repeat()
    {
        using var ioc = new TestIoc("record(ai, T) { field(VAL, 0) }");
        ioc.Put("T", 0.0);
        var updates = ioc.Monitor("T");
        ioc.Put("T", 1.0);
        ioc.Put("T", 1.0);
        ioc.Put("T", 2.0);
        Assert.Equal([1.0, 2.0], updates.Select(u => u.Value.GetDouble()));
        Assert.All(updates, u => Assert.Equal(EventMask.Value | EventMask.Log, u.Events));
    }

    [Fact]
    public void A_negative_deadband_posts_every_processing()
    {
        using var ioc = new TestIoc("record(ai, T) { field(VAL, 1) field(MDEL, -1) }");
        ioc.Put("T", 1.0);
        var updates = ioc.Monitor("T");
        ioc.Put("T", 1.0);
        ioc.Put("T", 1.0);
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.True(u.Events.HasFlag(EventMask.Value)));
    }

    [Fact]
    public void A_nan_value_is_undefined()
    {
        using var ioc = new TestIoc("record(ai, T) { field(VAL, 1) }");
        ioc.Put("T", double.NaN);
        Assert.Equal((AlarmStatus.Udf, AlarmSeverity.Invalid), Alarm(ioc, "T"));
        Assert.Equal(1.0, ioc.Number("T.UDF"));
    }

    [Fact]
    public void Ao_clamps_writes_to_the_drive_limits_and_serves_them_as_control_limits()
    {
        using var ioc = new TestIoc("record(ao, SP) { field(DRVH, 10) field(DRVL, -2) field(HOPR, 20) field(LOPR, -20) }");
        ioc.Put("SP", 15.0);
        Assert.Equal(10.0, ioc.Number("SP"));
        ioc.Put("SP", -7.0);
        Assert.Equal(-2.0, ioc.Number("SP"));
        ioc.Put("SP", 3.0);
        Assert.Equal(3.0, ioc.Number("SP"));
        var limits = ioc.Read("SP").Limits;
        Assert.Equal((10.0, -2.0, 20.0, -20.0), (limits.UpperControl, limits.LowerControl, limits.UpperDisplay, limits.LowerDisplay));
    }

    [Fact]
    public void Ao_drive_limits_apply_only_when_DRVH_exceeds_DRVL()
    {
        using var ioc = new TestIoc("record(ao, SP) { field(DRVH, 0) field(DRVL, 0) }");
        ioc.Put("SP", 1e6);
        Assert.Equal(1e6, ioc.Number("SP"));
    }

    [Fact]
    public void Ao_rate_of_change_limits_OVAL()
    {
        using var ioc = new TestIoc("record(ao, SP) { field(OROC, 2) field(DOL, 0) }");
        ioc.Put("SP", 5.0);
        Assert.Equal((5.0, 2.0), (ioc.Number("SP"), ioc.Number("SP.OVAL")));
        ioc.Put("SP.PROC", 1);
        Assert.Equal(4.0, ioc.Number("SP.OVAL"));
    }

    [Fact]
    public void Ao_writes_OUT_and_processes_a_PP_target()
    {
        using var ioc = new TestIoc("""
            record(ao, SP) { field(OUT, "RB PP") }
            record(ai, RB) { field(HIGH, 1) field(HSV, MAJOR) }
            record(ao, SP2) { field(OUT, "RB2 NPP") }
            record(ai, RB2) {}
            """);
        ioc.Put("SP", 4.0);
        Assert.Equal(4.0, ioc.Number("RB"));
        Assert.Equal(AlarmSeverity.Major, ioc.Read("RB").Severity);
        ioc.Put("SP2", 4.0);
        Assert.Equal(4.0, ioc.Number("RB2"));
        Assert.Equal(AlarmStatus.Udf, ioc.Read("RB2").Status);
    }

    [Fact]
    public void Ao_closed_loop_reads_DOL_and_a_constant_DOL_sets_the_initial_value()
    {
        using var ioc = new TestIoc("""
            record(ao, INIT) { field(DOL, "2.5") }
            record(ai, SRC) { field(VAL, 7) }
            record(ao, LOOP) { field(DOL, "SRC") field(OMSL, closed_loop) }
            record(ao, INC) { field(DOL, "SRC") field(OMSL, closed_loop) field(OIF, Incremental) field(VAL, 1) }
            """);
        Assert.Equal(2.5, ioc.Number("INIT"));
        ioc.Put("LOOP.PROC", 1);
        Assert.Equal(7.0, ioc.Number("LOOP"));
        ioc.Put("INC.PROC", 1);
        Assert.Equal(8.0, ioc.Number("INC"));
    }

    [Fact]
    public void Ai_reads_its_input_link_with_pp_and_maximize_severity()
    {
        using var ioc = new TestIoc("""
            record(ao, SRC) { field(VAL, 3) field(HIGH, 2) field(HSV, MINOR) }
            record(ai, PLAIN) { field(INP, "SRC NPP") }
            record(ai, MS) { field(INP, "SRC PP MS") }
            record(ai, MSS) { field(INP, "SRC MSS") }
            """);
        ioc.Put("PLAIN.PROC", 1);
        Assert.Equal(3.0, ioc.Number("PLAIN"));
        Assert.Equal(AlarmSeverity.NoAlarm, ioc.Read("PLAIN").Severity);

        // SRC has not processed yet: its HIGH alarm comes with the PP read.
        ioc.Put("MS.PROC", 1);
        Assert.Equal((AlarmStatus.Link, AlarmSeverity.Minor), Alarm(ioc, "MS"));
        ioc.Put("MSS.PROC", 1);
        Assert.Equal((AlarmStatus.High, AlarmSeverity.Minor), Alarm(ioc, "MSS"));
    }

    [Fact]
    public void A_constant_INP_gives_the_initial_value()
    {
        using var ioc = new TestIoc("record(ai, A) { field(INP, \"12.5\") } record(longin, L) { field(INP, \"0x10\") }");
        Assert.Equal(12.5, ioc.Number("A"));
        Assert.Equal(16, ioc.Number("L"));
        Assert.Equal(0.0, ioc.Number("A.UDF"));
    }

    [Fact]
    public void Longin_has_integer_alarms_and_deadbands()
    {
        using var ioc = new TestIoc("record(longin, N) { field(VAL, 0) field(HIGH, 10) field(HSV, MINOR) field(HYST, 3) field(MDEL, 2) field(EGU, counts) field(HOPR, 50) }");
        var updates = ioc.Monitor("N");
        ioc.Put("N", 2);
        ioc.Put("N", 3);
        ioc.Put("N", 11);
        ioc.Put("N", 8);
        // 2 clears the UDF status and is beyond ADEL (0) but within MDEL of 0; 3 is beyond MDEL; 11 alarms;
        // 8 stays in alarm (HYST 3).
        Assert.Equal(
            [(2, AlarmSeverity.NoAlarm, EventMask.Log | EventMask.Alarm), (3, AlarmSeverity.NoAlarm, EventMask.Value | EventMask.Log), (11, AlarmSeverity.Minor, EventMask.Value | EventMask.Log | EventMask.Alarm), (8, AlarmSeverity.Minor, EventMask.Value | EventMask.Log)],
            updates.Select(u => ((int)u.Value.GetDouble(), u.Value.Severity, u.Events)));
        Assert.Equal(DbrType.Long, ioc.Read("N").ValueType);
        Assert.Equal(("counts", 50.0), (ioc.Read("N").Units, ioc.Read("N").Limits.UpperDisplay));
    }

    [Fact]
    public void Longout_clamps_to_drive_limits_and_writes_out_as_OOPT_says()
    {
        using var ioc = new TestIoc("""
            record(longout, OUT) { field(DRVH, 100) field(DRVL, 0) field(OUT, "COUNT PP") field(OOPT, "On Change") }
            record(longin, COUNT) { field(VAL, 0) field(MDEL, -1) }
            """);
        var writes = ioc.Monitor("COUNT");
        ioc.Put("OUT", 500);
        Assert.Equal(100, ioc.Number("OUT"));
        ioc.Put("OUT", 100);
        ioc.Put("OUT", 7);
        Assert.Equal([100, 7], writes.Select(u => (int)u.Value.GetDouble()));
        Assert.Equal((100.0, 0.0), (ioc.Read("OUT").Limits.UpperControl, ioc.Read("OUT").Limits.LowerControl));
    }
}
