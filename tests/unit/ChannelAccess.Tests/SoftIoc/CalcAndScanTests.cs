using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class CalcAndScanTests
{
    [Fact]
    public void Calc_evaluates_its_expression_over_constant_inputs()
    {
        using var ioc = new TestIoc("record(calc, C) { field(INPA, 3) field(INPB, \"4\") field(CALC, \"SQRT(A*A+B*B)\") }");
        ioc.Put("C.PROC", 1);
        Assert.Equal(5.0, ioc.Number("C"));
        Assert.Equal((3.0, 4.0), (ioc.Number("C.A"), ioc.Number("C.B")));
    }

    [Fact]
    public void Calc_reads_database_links_with_pp_processing_the_source()
    {
        using var ioc = new TestIoc("""
            record(calc, COUNTER) { field(CALC, "VAL+1") }
            record(calc, NPP) { field(INPA, "COUNTER") field(CALC, "A") }
            record(calc, PP) { field(INPA, "COUNTER PP") field(CALC, "A") }
            """);
        ioc.Put("NPP.PROC", 1);
        Assert.Equal(0.0, ioc.Number("NPP"));
        ioc.Put("PP.PROC", 1);
        ioc.Put("PP.PROC", 1);
        Assert.Equal(2.0, ioc.Number("PP"));
        Assert.Equal(2.0, ioc.Number("COUNTER"));
    }

    [Fact]
    public void A_cp_link_processes_the_calc_whenever_its_source_posts()
    {
        using var ioc = new TestIoc("""
            record(ai, SRC) { field(VAL, 0) field(MDEL, 1) }
            record(calc, TWICE) { field(INPA, "SRC CP") field(CALC, "A*2") }
            """);
        var updates = ioc.Monitor("TWICE");
        ioc.Put("SRC", 2.0);
        Assert.Equal(4.0, ioc.Number("TWICE"));

        // Within SRC's monitor deadband nothing is posted, so the CP link does not fire.
        ioc.Put("SRC", 2.5);
        Assert.Equal(4.0, ioc.Number("TWICE"));
        ioc.Put("SRC", 3.5);
        Assert.Equal(7.0, ioc.Number("TWICE"));
        Assert.Equal([4.0, 7.0], updates.Select(u => u.Value.GetDouble()));
    }

    [Fact]
    public void Cpp_fires_only_while_the_calc_is_passive()
    {
        using var ioc = new TestIoc("""
            record(ao, SRC) {}
            record(calc, C) { field(INPA, "SRC CPP") field(CALC, "A") }
            """);
        ioc.Put("SRC", 1.0);
        Assert.Equal(1.0, ioc.Number("C"));
        ioc.Put("C.SCAN", "10 second");
        ioc.Put("SRC", 2.0);
        Assert.Equal(1.0, ioc.Number("C"));
    }

    [Fact]
    public void A_periodic_scan_processes_on_the_clock()
    {
        using var ioc = new TestIoc("record(calc, TICKS) { field(SCAN, \".1 second\") field(CALC, \"VAL+1\") }");
        Assert.Equal(0.0, ioc.Number("TICKS"));
        ioc.Advance(0.1);
        Assert.Equal(1.0, ioc.Number("TICKS"));
        for (var i = 0; i < 9; i++)
        {
            ioc.Advance(0.1);
        }

        Assert.Equal(10.0, ioc.Number("TICKS"));
        Assert.Equal(EpicsTimestamp.From(ioc.Time.GetUtcNow()), ioc.Read("TICKS").Timestamp);
    }

    [Fact]
    public void Records_of_one_period_process_in_phase_order()
    {
        using var ioc = new TestIoc("""
            record(calc, LATE) { field(SCAN, "1 second") field(PHAS, 2) field(INPA, "EARLY") field(CALC, "A") }
            record(calc, EARLY) { field(SCAN, "1 second") field(PHAS, 1) field(CALC, "VAL+1") }
            """);
        ioc.Advance(1);
        Assert.Equal(1.0, ioc.Number("LATE"));
    }

    [Fact]
    public void Changing_SCAN_moves_the_record_between_scan_lists()
    {
        using var ioc = new TestIoc("record(calc, C) { field(CALC, \"VAL+1\") }");
        ioc.Advance(5);
        Assert.Equal(0.0, ioc.Number("C"));
        ioc.Put("C.SCAN", "1 second");
        ioc.Advance(2);
        Assert.Equal(2.0, ioc.Number("C"));
        ioc.Put("C.SCAN", "Passive");
        ioc.Advance(2);
        Assert.Equal(2.0, ioc.Number("C"));
    }

    [Fact]
    public void The_forward_link_processes_a_passive_target()
    {
        using var ioc = new TestIoc("""
            record(ao, A) { field(FLNK, "B") }
            record(calc, B) { field(INPA, "A") field(CALC, "A+100") }
            """);
        ioc.Put("A", 1.0);
        Assert.Equal(101.0, ioc.Number("B"));
    }

    [Fact]
    public void Pini_records_process_at_start_in_phase_order()
    {
        using var ioc = new TestIoc("""
            record(calc, SECOND) { field(PINI, YES) field(PHAS, 1) field(INPA, "FIRST") field(CALC, "A*10") }
            record(calc, FIRST) { field(PINI, YES) field(CALC, "7") }
            record(calc, NEVER) { field(CALC, "7") }
            """);
        Assert.Equal(7.0, ioc.Number("FIRST"));
        Assert.Equal(70.0, ioc.Number("SECOND"));
        Assert.Equal(0.0, ioc.Number("NEVER"));
    }

    [Fact]
    public void An_unreadable_input_raises_a_link_alarm_and_keeps_the_value()
    {
        using var ioc = new TestIoc("record(calc, C) { field(INPA, \"MISSING\") field(CALC, \"A+1\") field(VAL, 5) }");
        ioc.Put("C.PROC", 1);
        Assert.Equal(5.0, ioc.Number("C"));
        Assert.Equal((AlarmStatus.Link, AlarmSeverity.Invalid), (ioc.Read("C").Status, ioc.Read("C").Severity));
    }

    [Fact]
    public void Calc_has_limit_alarms_deadbands_and_display_metadata()
    {
        using var ioc = new TestIoc("record(calc, C) { field(CALC, \"A\") field(HIHI, 10) field(HHSV, MAJOR) field(EGU, mm) field(PREC, 2) field(MDEL, 0.5) }");
        var updates = ioc.Monitor("C");
        ioc.Put("C.A", 11.0);
        ioc.Put("C.A", 11.2);
        Assert.Equal(AlarmSeverity.Major, ioc.Read("C").Severity);
        Assert.Equal(("mm", (short)2, 10.0), (ioc.Read("C").Units, ioc.Read("C").Precision, ioc.Read("C").Limits.UpperAlarm));
        Assert.Equal([11.0, 11.2], updates.Select(u => u.Value.GetDouble()));
        Assert.Equal(EventMask.Log, updates[1].Events);
    }

    [Fact]
    public void A_new_calc_expression_takes_effect_and_processes()
    {
        using var ioc = new TestIoc("record(calc, C) { field(INPA, 2) field(CALC, \"A\") }");
        Assert.Equal(Eca.Normal, ioc.Put("C.CALC", "A**3"));
        Assert.Equal(8.0, ioc.Number("C"));
    }

    [Fact]
    public void Assignments_in_calc_update_the_operand_fields()
    {
        using var ioc = new TestIoc("record(calc, C) { field(CALC, \"B:=B+1;B*2\") }");
        var b = ioc.Monitor("C.B");
        ioc.Put("C.PROC", 1);
        ioc.Put("C.PROC", 1);
        Assert.Equal((2.0, 4.0), (ioc.Number("C.B"), ioc.Number("C")));
        Assert.Equal([1.0, 2.0], b.Select(u => u.Value.GetDouble()));
    }

    [Fact]
    public void Event_scanned_records_process_on_their_event()
    {
        using var ioc = new TestIoc("record(calc, E) { field(SCAN, Event) field(EVNT, \"shutter\") field(CALC, \"VAL+1\") }");
        ioc.Database.PostEvent("other");
        ioc.Database.PostEvent("shutter");
        Assert.Equal(1.0, ioc.Number("E"));
    }

    [Fact]
    public void IO_intr_records_process_when_their_input_changes_or_on_request()
    {
        using var ioc = new TestIoc("""
            record(ao, SRC) {}
            record(ai, FOLLOW) { field(SCAN, "I/O Intr") field(INP, "SRC") }
            record(calc, COUNT) { field(SCAN, "I/O Intr") field(CALC, "VAL+1") }
            """);
        ioc.Put("SRC", 3.0);
        Assert.Equal(3.0, ioc.Number("FOLLOW"));
        ioc.Database.ScanIoRequest("COUNT");
        Assert.Equal(1.0, ioc.Number("COUNT"));
    }

    [Fact]
    public void A_disabled_record_raises_DISABLE_instead_of_processing()
    {
        using var ioc = new TestIoc("""
            record(bo, ENABLE) { field(VAL, 1) }
            record(calc, C) { field(SDIS, "ENABLE") field(DISV, 0) field(DISS, MINOR) field(CALC, "VAL+1") }
            """);
        ioc.Put("C.PROC", 1);
        Assert.Equal(1.0, ioc.Number("C"));
        ioc.Put("ENABLE", 0);
        ioc.Put("C.PROC", 1);
        Assert.Equal(1.0, ioc.Number("C"));
        Assert.Equal((AlarmStatus.Disable, AlarmSeverity.Minor), (ioc.Read("C").Status, ioc.Read("C").Severity));
    }

    [Fact]
    public void A_cp_cycle_is_cut_off_instead_of_running_forever()
    {
        using var ioc = new TestIoc(
            "record(calc, A) { field(INPA, \"B CP\") field(CALC, \"A+1\") } record(calc, B) { field(INPA, \"A CP\") field(CALC, \"A+1\") }",
            options: new RecordDatabaseOptions { MaxChainedProcessing = 50 });
        ioc.Put("A.PROC", 1);
        Assert.InRange(ioc.Number("A"), 20, 60);
    }
}
