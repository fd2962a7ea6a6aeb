using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.DbFile;
using Hyperion.ChannelAccess.SoftIoc.Records;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class RecordDatabaseTests
{
    private static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "SoftIoc", "Data", file);

    private static DbParseException LoadFails(string db)
    {
        using var database = new RecordDatabase(new FakeTimeProvider());
        var e = Assert.Throws<DbParseException>(() => database.Load(new DbParser().Parse(db, "test.db")));
        Assert.Empty(database.Records);
        return e;
    }

    [Fact]
    public void A_record_name_alone_and_name_dot_VAL_are_the_value_field()
    {
        using var ioc = new TestIoc("record(ai, TEMP) { field(VAL, 3.5) }");
        Assert.Same(((FieldPv)ioc.Pv("TEMP")).Field, ((FieldPv)ioc.Pv("TEMP.VAL")).Field);
        Assert.Equal("TEMP", ioc.Pv("TEMP").Name);
        Assert.Equal("TEMP.VAL", ioc.Pv("TEMP.VAL").Name);
        Assert.Equal(3.5, ioc.Number("TEMP"));
    }

    [Fact]
    public void Every_field_is_a_pv_with_its_epics_type()
    {
        using var ioc = new TestIoc("""
            record(ai, A) { field(EGU, "mm") field(DESC, "a temperature") }
            record(longin, L) {}
            record(bi, B) {}
            record(waveform, W) { field(NELM, 4) field(FTVL, DOUBLE) }
            record(calc, C) { field(INPA, "A") }
            """);
        Assert.Equal(DbrType.Double, ioc.Pv("A").NativeType);
        Assert.Equal(DbrType.String, ioc.Pv("A.EGU").NativeType);
        Assert.Equal("mm", ioc.Text("A.EGU"));
        Assert.Equal("a temperature", ioc.Text("A.DESC"));
        Assert.Equal(DbrType.Short, ioc.Pv("A.PREC").NativeType);
        Assert.Equal(DbrType.Enum, ioc.Pv("A.SEVR").NativeType);
        Assert.Equal(DbrType.Enum, ioc.Pv("A.SCAN").NativeType);
        Assert.Equal(DbrType.Char, ioc.Pv("A.PROC").NativeType);
        Assert.Equal(DbrType.Long, ioc.Pv("L").NativeType);
        Assert.Equal(DbrType.Enum, ioc.Pv("B").NativeType);
        Assert.Equal(DbrType.Double, ioc.Pv("W.NELM").NativeType);
        Assert.Equal(DbrType.String, ioc.Pv("C.INPA").NativeType);
        Assert.Equal("A", ioc.Text("C.INPA"));
        Assert.Equal("A", ioc.Text("A.NAME"));
        Assert.Equal("ai", ioc.Text("A.RTYP"));
        Assert.Equal("waveform", ioc.Text("W.RTYP"));
    }

    [Fact]
    public void Unknown_records_and_fields_are_not_served()
    {
        using var ioc = new TestIoc("record(ai, A) {}");
        Assert.Null(ioc.Database.Find("B"));
        Assert.Null(ioc.Database.Find("A.NOPE"));
        Assert.Null(ioc.Database.Find("A."));
        Assert.Null(ioc.Database.Find("A.VAL$"));
    }

    [Fact]
    public void Aliases_serve_the_same_fields()
    {
        using var ioc = new TestIoc("record(ai, A) { alias(A2) }\nalias(A, A3)\nalias(A3, A4)");
        Assert.Same(((FieldPv)ioc.Pv("A")).Field, ((FieldPv)ioc.Pv("A4")).Field);
        Assert.Same(((FieldPv)ioc.Pv("A.EGU")).Field, ((FieldPv)ioc.Pv("A2.EGU")).Field);
        Assert.Same(((FieldPv)ioc.Pv("A")).Field, ((FieldPv)ioc.Pv("A3")).Field);
    }

    [Fact]
    public void Long_string_fields_are_served_as_char_arrays_with_a_dollar()
    {
        using var ioc = new TestIoc("record(ai, A) { field(DESC, \"temperature\") } record(calc, C) { field(INPA, \"A.VAL CP\") }");
        var pv = ioc.Pv("A.DESC$");
        Assert.Equal(DbrType.Char, pv.NativeType);
        Assert.Equal(41, pv.MaxElements);
        var value = pv.Read();
        Assert.Equal(12, value.Count);
        Assert.Equal("temperature\0"u8.ToArray(), (byte[])value.Values);
        Assert.Equal("A.VAL CP\0"u8.ToArray(), (byte[])ioc.Read("C.INPA$").Values);
        Assert.Equal(Eca.Normal, ioc.Put("A.DESC$", new DbrValue(DbrType.Char, "new text\0"u8.ToArray())));
        Assert.Equal("new text", ioc.Text("A.DESC"));
    }

    [Fact]
    public void Read_only_fields_grant_read_only()
    {
        using var ioc = new TestIoc("record(ai, A) {} record(motor, M) {}");
        foreach (var name in new[] { "A.SEVR", "A.STAT", "A.NAME", "A.RTYP", "A.LALM", "M.RBV", "M.DMOV", "M.MOVN", "M.DRBV", "M.LVIO" })
        {
            Assert.Equal(AccessRights.Read, ioc.Pv(name).RightsFor(ClientIdentity.Anonymous));
        }

        foreach (var name in new[] { "A", "A.EGU", "A.HIHI", "A.SCAN", "M", "M.VELO", "M.STOP" })
        {
            Assert.Equal(AccessRights.ReadWrite, ioc.Pv(name).RightsFor(ClientIdentity.Anonymous));
        }
    }

    [Fact]
    public void Writing_a_read_only_field_is_refused()
    {
        using var ioc = new TestIoc("record(ai, A) {}");
        Assert.Equal(Eca.Nowtaccess, ioc.Put("A.SEVR", "MAJOR"));
        Assert.Equal(AlarmSeverity.Invalid, ioc.Read("A").Severity);
    }

    [Fact]
    public void Read_carries_alarm_time_units_precision_and_limits()
    {
        using var ioc = new TestIoc("""
            record(ai, T) {
                field(EGU, "degC") field(PREC, 2) field(HOPR, 100) field(LOPR, -5)
                field(HIHI, 90) field(HHSV, MAJOR) field(HIGH, 80) field(HSV, MINOR) field(LOW, 5) field(LOLO, 0)
            }
            """);
        ioc.Advance(3);
        Assert.Equal(Eca.Normal, ioc.Put("T", 85.0));
        var value = ioc.Read("T");
        Assert.Equal(85.0, value.GetDouble());
        Assert.Equal("degC", value.Units);
        Assert.Equal(2, value.Precision);
        Assert.Equal((AlarmStatus.High, AlarmSeverity.Minor), (value.Status, value.Severity));
        Assert.Equal(EpicsTimestamp.From(ioc.Time.GetUtcNow()), value.Timestamp);
        Assert.Equal((100.0, -5.0), (value.Limits.UpperDisplay, value.Limits.LowerDisplay));
        Assert.Equal((100.0, -5.0), (value.Limits.UpperControl, value.Limits.LowerControl));
        Assert.Equal((90.0, 80.0), (value.Limits.UpperAlarm, value.Limits.UpperWarning));

        // A limit whose severity is NO_ALARM is served as NaN, as EPICS 3.16+ does.
        Assert.True(double.IsNaN(value.Limits.LowerWarning));
        Assert.True(double.IsNaN(value.Limits.LowerAlarm));

        // Other fields: their type's range, no alarm limits, the record's alarm.
        var prec = ioc.Read("T.PREC");
        Assert.Equal((32767.0, -32768.0), (prec.Limits.UpperDisplay, prec.Limits.LowerDisplay));
        Assert.True(double.IsNaN(prec.Limits.UpperAlarm));
        Assert.Equal(AlarmSeverity.Minor, prec.Severity);
        Assert.Equal(["NO_ALARM", "MINOR", "MAJOR", "INVALID"], ioc.Read("T.HHSV").EnumStrings);
        Assert.Equal(16, ioc.Read("T.STAT").EnumStrings.Count);
    }

    [Fact]
    public void Records_start_undefined_with_severity_UDFS_unless_the_file_sets_VAL()
    {
        using var ioc = new TestIoc("record(ai, U) {} record(ai, S) { field(VAL, 1) } record(ai, W) { field(UDFS, MINOR) }");
        Assert.Equal((AlarmStatus.Udf, AlarmSeverity.Invalid), (ioc.Read("U").Status, ioc.Read("U").Severity));
        Assert.Equal((AlarmStatus.Udf, AlarmSeverity.NoAlarm), (ioc.Read("S").Status, ioc.Read("S").Severity));
        Assert.Equal((AlarmStatus.Udf, AlarmSeverity.Minor), (ioc.Read("W").Status, ioc.Read("W").Severity));
        Assert.Equal(1.0, ioc.Number("U.UDF"));
        Assert.Equal(0.0, ioc.Number("S.UDF"));
        ioc.Put("U", 2.0);
        Assert.Equal((AlarmStatus.NoAlarm, AlarmSeverity.NoAlarm), (ioc.Read("U").Status, ioc.Read("U").Severity));
        Assert.Equal(0.0, ioc.Number("U.UDF"));
    }

    [Fact]
    public void Subscriptions_get_value_log_and_alarm_events()
    {
        using var ioc = new TestIoc("record(ai, A) { field(HIGH, 10) field(HSV, MINOR) }");
        var updates = ioc.Monitor("A");
        var severities = ioc.Monitor("A.SEVR");
        ioc.Put("A", 1.0);
        ioc.Put("A", 11.0);
        ioc.Put("A", 11.0);
        Assert.Equal(
            [(EventMask.Value | EventMask.Log | EventMask.Alarm, 1.0, AlarmSeverity.NoAlarm), (EventMask.Value | EventMask.Log | EventMask.Alarm, 11.0, AlarmSeverity.Minor)],
            updates.Select(u => (u.Events, u.Value.GetDouble(), u.Value.Severity)));
        Assert.Equal([AlarmSeverity.NoAlarm, AlarmSeverity.Minor], severities.Select(u => (AlarmSeverity)(ushort)u.Value.GetDouble()));
    }

    [Fact]
    public void Writing_a_property_field_posts_a_property_event_to_the_record_s_monitors()
    {
        using var ioc = new TestIoc("record(ai, A) {}");
        var updates = ioc.Monitor("A");
        var units = ioc.Monitor("A.EGU");
        ioc.Put("A.EGU", "mm");
        Assert.Equal(EventMask.Property, Assert.Single(updates).Events);
        Assert.Equal("mm", updates[0].Value.Units);
        Assert.Equal([EventMask.Value | EventMask.Log, EventMask.Property], units.Select(u => u.Events));
    }

    [Fact]
    public void A_disposed_subscription_gets_nothing_more()
    {
        using var ioc = new TestIoc("record(ao, A) {}");
        var updates = new List<PvUpdate>();
        var subscription = ioc.Pv("A").Subscribe(updates.Add);
        ioc.Put("A", 1.0);
        subscription.Dispose();
        ioc.Put("A", 2.0);
        Assert.Single(updates);
    }

    [Fact]
    public void A_subscriber_may_call_back_into_the_database()
    {
        using var ioc = new TestIoc("record(ao, A) {} record(ao, B) {}");
        var pvB = ioc.Pv("B");
        ioc.Pv("A").Subscribe(u => _ = pvB.WriteAsync(DbrValue.Of(u.Value.GetDouble() * 2), ClientIdentity.Anonymous).AsTask());
        var seen = ioc.Monitor("B");
        ioc.Put("A", 4.0);
        Assert.Equal(8.0, ioc.Number("B"));
        Assert.Equal(8.0, Assert.Single(seen).Value.GetDouble());
    }

    [Fact]
    public async Task Concurrent_writers_and_subscribers_see_every_update_in_order()
    {
        const int Writes = 2000;
        using var ioc = new TestIoc(string.Join("\n", Enumerable.Range(0, 4).Select(i => $"record(ao, A{i}) {{ field(VAL, -1) }}")));
        var seen = Enumerable.Range(0, 4).Select(i =>
        {
            var values = new System.Collections.Concurrent.ConcurrentQueue<double>();
            ioc.Pv($"A{i}").Subscribe(u => values.Enqueue(u.Value.GetDouble()));
            return values;
        }).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var pv = ioc.Pv($"A{i}");
            for (var n = 0; n < Writes; n++)
            {
                Assert.Equal(Eca.Normal, await pv.WriteAsync(DbrValue.Of((double)n), ClientIdentity.Anonymous));
            }
        })));
        foreach (var values in seen)
        {
            Assert.Equal(Enumerable.Range(0, Writes).Select(n => (double)n), values);
        }
    }

    [Fact]
    public void A_throwing_subscriber_does_not_stop_the_others()
    {
        using var ioc = new TestIoc("record(ao, A) {}");
        ioc.Pv("A").Subscribe(_ => throw new InvalidOperationException("boom"));
        var updates = ioc.Monitor("A");
        Assert.Equal(Eca.Normal, ioc.Put("A", 1.0));
        Assert.Single(updates);
    }

    [Fact]
    public void Bad_writes_fail_with_putfail_and_change_nothing()
    {
        using var ioc = new TestIoc("record(ai, A) { field(VAL, 1) } record(calc, C) { field(CALC, \"A+1\") }");
        Assert.Equal(Eca.Putfail, ioc.Put("A", DbrValue.Of("not a number")));
        Assert.Equal(1.0, ioc.Number("A"));
        Assert.Equal(Eca.Putfail, ioc.Put("A.SCAN", new DbrValue(DbrType.Enum, new ushort[] { 42 })));
        Assert.Equal("Passive", ioc.Text("A.SCAN"));
        Assert.Equal(Eca.Putfail, ioc.Put("C.CALC", "A+"));
        Assert.Equal("A+1", ioc.Text("C.CALC"));
    }

    [Fact]
    public void DISP_refuses_client_writes_except_to_DISP()
    {
        using var ioc = new TestIoc("record(ao, A) { field(DISP, 1) }");
        Assert.Equal(Eca.Putfail, ioc.Put("A", 5.0));
        Assert.Equal(Eca.Normal, ioc.Put("A.DISP", 0));
        Assert.Equal(Eca.Normal, ioc.Put("A", 5.0));
        Assert.Equal(5.0, ioc.Number("A"));
    }

    [Fact]
    public void The_sample_database_loads_with_macros_includes_and_aliases()
    {
        using var database = new RecordDatabase(new FakeTimeProvider());
        var document = database.LoadFile(DataPath("sample.db"), MacroTable.Parse("P=BL03S-EA-"));
        database.Start();
        Assert.Equal(2, document.Files.Count);
        Assert.Equal(7, database.Records.Count);
        Assert.Equal(21.5, database.Find("BL03S-EA-TEMP")!.Read().GetDouble());
        Assert.Equal("degC", database.Find("BL03S-EA-TEMPERATURE")!.Read().Units);
        Assert.Equal("motor", database.Find("BL03S-EA-X.RTYP")!.Read().GetString());
        Assert.Equal(["Idle", "Align", "Collect"], database.Find("BL03S-EA-MODE")!.Read().EnumStrings);
        Assert.Equal([1.0, 2.0, 3.0], (double[])database.Find("BL03S-EA-SPECTRUM")!.Read().Values);
        Assert.Empty(database.UnresolvedLinks);
    }

    [Fact]
    public void A_record_defined_twice_gets_both_sets_of_fields()
    {
        using var ioc = new TestIoc("record(ai, A) { field(EGU, mm) }\nrecord(ai, A) { field(PREC, 3) }\nrecord(\"*\", A) { field(DESC, more) }");
        Assert.Single(ioc.Database.Records);
        Assert.Equal(("mm", 3.0, "more"), (ioc.Text("A.EGU"), ioc.Number("A.PREC"), ioc.Text("A.DESC")));
    }

    [Fact]
    public void An_unknown_record_type_is_reported_at_the_type()
    {
        var e = LoadFails("record(ai, A)\nrecord(aii, \"B\")");
        Assert.Equal(new DbSourceLocation("test.db", 2, 8), e.Location);
        Assert.Contains("Record \"B\" is of unknown type \"aii\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("ai, ao, bi, bo, calc, longin, longout, mbbi, mbbiDirect, mbbo, motor, stringin, stringout, waveform", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_reported_at_the_field_with_a_suggestion()
    {
        using var database = new RecordDatabase(new FakeTimeProvider());
        var e = Assert.Throws<DbParseException>(() => database.LoadFile(DataPath("broken.db"), MacroTable.Parse("P=X:")));
        Assert.Equal(new DbSourceLocation(DataPath("broken.db"), 5, 11), e.Location);
        Assert.Contains("ai record \"X:BAD\" has no field \"EGUX\" (did you mean EGU?)", e.Message, StringComparison.Ordinal);
        Assert.Empty(database.Records);
    }

    [Theory]
    [InlineData("record(ai, A) { field(PREC, \"two\") }", 1, 30, "\"two\" is not an integer")]
    [InlineData("record(ai, A) { field(PREC, 70000) }", 1, 29, "70000 is out of range for a SHORT field")]
    [InlineData("record(ai, A) { field(HIHI, 1.5x) }", 1, 29, "\"1.5x\" is not a number")]
    [InlineData("record(ai, A) { field(SCAN, \"2 seconds\") }", 1, 30, "\"2 seconds\" is not a choice of menuScan")]
    [InlineData("record(ai, A) { field(EGU, \"this is far too long\") }", 1, 29, "at most 15 characters")]
    [InlineData("record(ai, A) { field(INP, \"B.VAL XX\") }", 1, 29, "Unknown link modifier 'XX'")]
    [InlineData("record(ai, A) { field(INP, \"B PP NPP\") }", 1, 29, "two process modifiers")]
    [InlineData("record(ai, A) { field(NAME, B) }", 1, 29, "The NAME field can't be set")]
    [InlineData("record(ai, A) { field(INP, \"@asyn(port,0)\") }", 1, 29, "is a hardware address, which needs device support")]
    [InlineData("record(calc, C) {\n  field(CALC, \"A + * B\")\n}", 2, 20, "Expected an operand but found '*' at column 5")]
    [InlineData("record(waveform, W) { field(VAL, 1) }", 1, 34, "can't be set in a database file")]
    [InlineData("record(bo, B) { field(VAL, Open) }", 1, 28, "give the state number")]
    public void A_bad_field_value_is_reported_at_the_value(string db, int line, int column, string message)
    {
        var e = LoadFails(db);
        Assert.Equal(new DbSourceLocation("test.db", line, column), e.Location);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_motor_accepts_any_device_support_address()
    {
        using var ioc = new TestIoc("record(motor, M) { field(DTYP, asynMotor) field(OUT, \"@asyn(MOTOR1,0)\") }");
        Assert.Equal("asynMotor", ioc.Text("M.DTYP"));
        Assert.Equal("@asyn(MOTOR1,0)", ioc.Text("M.OUT"));
    }

    [Fact]
    public void Redefining_a_record_with_another_type_is_an_error()
    {
        var e = LoadFails("record(ai, A)\nrecord(ao, A)");
        Assert.Equal(new DbSourceLocation("test.db", 2, 8), e.Location);
        Assert.Contains("Record \"A\" of type \"ai\" redefined with new type \"ao\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_errors_are_reported()
    {
        Assert.Contains("refers to unknown record \"B\"", LoadFails("record(ai, A)\nalias(B, C)").Message, StringComparison.Ordinal);
        Assert.Contains("the name is already in use", LoadFails("record(ai, A)\nrecord(ai, B)\nalias(A, B)").Message, StringComparison.Ordinal);
        Assert.Contains("not found (record type \"*\"", LoadFails("record(\"*\", A) { field(DESC, x) }").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_loads_when_a_later_record_is_wrong_even_into_existing_records()
    {
        using var database = new RecordDatabase(new FakeTimeProvider());
        database.Load(new DbParser().Parse("record(ai, A) { field(EGU, mm) }"));
        Assert.Throws<DbParseException>(() => database.Load(new DbParser().Parse("record(ai, A) { field(EGU, cm) }\nrecord(ai, B) { field(BAD, 1) }")));
        Assert.Single(database.Records);
        Assert.Equal("mm", database.Find("A.EGU")!.Read().GetString());
    }

    [Fact]
    public void Records_can_not_be_added_once_started()
    {
        using var ioc = new TestIoc("record(ai, A)");
        Assert.Throws<InvalidOperationException>(() => ioc.Database.Load(new DbParser().Parse("record(ai, B)")));
        Assert.Throws<InvalidOperationException>(() => ioc.Database.AddRecord("ai", "C"));
    }

    [Fact]
    public void Records_can_be_added_in_code()
    {
        using var database = new RecordDatabase(new FakeTimeProvider());
        var record = database.AddRecord("ao", "SETPOINT");
        record.SetField("EGU", "mm");
        record.SetField("DRVH", "5");
        database.AddAlias("SETPOINT", "SP");
        database.Start();
        Assert.Equal("mm", database.Find("SP")!.Read().Units);
        Assert.Throws<RecordFieldException>(() => record.SetField("NOPE", "1"));
    }

    [Fact]
    public void Links_to_records_that_are_not_here_are_listed_and_raise_link_alarms()
    {
        using var ioc = new TestIoc("record(ai, A) { field(INP, \"ELSEWHERE:PV CP\") }");
        Assert.Equal(["A.INP -> ELSEWHERE:PV CP"], ioc.Database.UnresolvedLinks);
        ioc.Put("A.PROC", 1);
        Assert.Equal((AlarmStatus.Link, AlarmSeverity.Invalid), (ioc.Read("A").Status, ioc.Read("A").Severity));
    }

    [Fact]
    public void A_link_changed_by_a_client_is_followed()
    {
        using var ioc = new TestIoc("record(ai, SRC1) { field(VAL, 1) } record(ai, SRC2) { field(VAL, 2) } record(ai, A) { field(INP, SRC1) }");
        ioc.Put("A.PROC", 1);
        Assert.Equal(1.0, ioc.Number("A"));
        Assert.Equal(Eca.Normal, ioc.Put("A.INP", "SRC2 NPP"));
        ioc.Put("A.PROC", 1);
        Assert.Equal(2.0, ioc.Number("A"));
        Assert.Equal(Eca.Putfail, ioc.Put("A.INP", "SRC2 BOGUS"));
    }
}
