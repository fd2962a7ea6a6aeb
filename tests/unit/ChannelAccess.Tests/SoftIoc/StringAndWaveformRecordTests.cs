namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class StringAndWaveformRecordTests
{
    [Fact]
    public void String_records_hold_up_to_39_characters()
    {
        using var ioc = new TestIoc("record(stringout, S) {}");
        ioc.Put("S", new string('x', 60));
        Assert.Equal(new string('x', 39), ioc.Text("S"));
        Assert.Equal(DbrType.String, ioc.Pv("S").NativeType);
    }

    [Fact]
    public void Stringin_posts_on_change_unless_MPST_is_Always()
    {
        using var ioc = new TestIoc("record(stringin, S) { field(VAL, a) } record(stringin, ALWAYS) { field(VAL, a) field(MPST, Always) }");
        ioc.Put("S", "a");
        ioc.Put("ALWAYS", "a");
        var updates = ioc.Monitor("S");
        var always = ioc.Monitor("ALWAYS");
        ioc.Put("S", "a");
        ioc.Put("S", "b");
        ioc.Put("ALWAYS", "a");
        Assert.Equal(["b"], updates.Select(u => u.Value.GetString()));
        Assert.Equal(EventMask.Value, Assert.Single(always).Events);
    }

    [Fact]
    public void Stringout_is_undefined_until_written_and_writes_its_output()
    {
        using var ioc = new TestIoc("record(stringout, CMD) { field(OUT, \"MSG PP\") } record(stringin, MSG) {}");
        Assert.Equal(AlarmSeverity.Invalid, ioc.Read("CMD").Severity);
        ioc.Put("CMD", "hello");
        Assert.Equal(AlarmSeverity.NoAlarm, ioc.Read("CMD").Severity);
        Assert.Equal("hello", ioc.Text("MSG"));
    }

    [Fact]
    public void A_constant_array_sets_a_string_record_s_initial_value()
    {
        using var ioc = new TestIoc("record(stringin, S) { field(INP, [\"ready\"]) }");
        Assert.Equal("ready", ioc.Text("S"));
    }

    [Theory]
    [InlineData("STRING", DbrType.String)]
    [InlineData("CHAR", DbrType.Char)]
    [InlineData("UCHAR", DbrType.Char)]
    [InlineData("SHORT", DbrType.Short)]
    [InlineData("USHORT", DbrType.Long)]
    [InlineData("LONG", DbrType.Long)]
    [InlineData("ULONG", DbrType.Double)]
    [InlineData("INT64", DbrType.Double)]
    [InlineData("FLOAT", DbrType.Float)]
    [InlineData("DOUBLE", DbrType.Double)]
    [InlineData("ENUM", DbrType.Enum)]
    public void Ftvl_maps_to_the_dbr_type_epics_serves(string ftvl, DbrType expected)
    {
        using var ioc = new TestIoc($"record(waveform, W) {{ field(FTVL, {ftvl}) field(NELM, 16) }}");
        Assert.Equal(expected, ioc.Pv("W").NativeType);
        Assert.Equal(16, ioc.Pv("W").MaxElements);
    }

    [Fact]
    public void A_waveform_defaults_to_one_string_element()
    {
        using var ioc = new TestIoc("record(waveform, W) {}");
        Assert.Equal((DbrType.String, 1), (ioc.Pv("W").NativeType, ioc.Pv("W").MaxElements));
        Assert.Equal("STRING", ioc.Text("W.FTVL"));
    }

    [Fact]
    public void Writing_sets_NORD_and_reads_give_the_current_length()
    {
        using var ioc = new TestIoc("record(waveform, W) { field(FTVL, DOUBLE) field(NELM, 5) }");
        Assert.Equal(0, ioc.Read("W").Count);
        var nord = ioc.Monitor("W.NORD");
        ioc.Put("W", new[] { 1.0, 2.0, 3.0 });
        Assert.Equal([1.0, 2.0, 3.0], (double[])ioc.Read("W").Values);
        Assert.Equal(3.0, ioc.Number("W.NORD"));
        ioc.Put("W", new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0 });
        Assert.Equal(5, ioc.Read("W").Count);
        Assert.Equal([3.0, 5.0], nord.Select(u => u.Value.GetDouble()));
        Assert.Equal(AccessRights.Read, ioc.Pv("W.NORD").RightsFor(Hyperion.ChannelAccess.Server.ClientIdentity.Anonymous));
    }

    [Fact]
    public void Waveform_monitors_post_every_write_by_default_or_on_change()
    {
        using var ioc = new TestIoc("record(waveform, W) { field(FTVL, LONG) field(NELM, 3) } record(waveform, C) { field(FTVL, LONG) field(NELM, 3) field(MPST, \"On Change\") }");
        var always = ioc.Monitor("W");
        var onChange = ioc.Monitor("C");
        foreach (var name in new[] { "W", "C" })
        {
            ioc.Put(name, new[] { 1.0, 2.0 });
            ioc.Put(name, new[] { 1.0, 2.0 });
            ioc.Put(name, new[] { 1.0, 3.0 });
        }

        Assert.Equal(3, always.Count);
        Assert.All(always, u => Assert.Equal(EventMask.Value | EventMask.Log, u.Events & (EventMask.Value | EventMask.Log)));

        // MPST "On Change": the repeat is posted for DBE_LOG only (APST is still "Always").
        Assert.Equal(
            [("1,2", EventMask.Value | EventMask.Log), ("1,2", EventMask.Log), ("1,3", EventMask.Value | EventMask.Log)],
            onChange.Select(u => (string.Join(",", (int[])u.Value.Values), u.Events & (EventMask.Value | EventMask.Log))));
    }

    [Fact]
    public void A_waveform_reads_another_through_its_input_link()
    {
        using var ioc = new TestIoc("""
            record(waveform, SRC) { field(FTVL, SHORT) field(NELM, 4) field(INP, "[4, 5, 6]") }
            record(waveform, COPY) { field(FTVL, DOUBLE) field(NELM, 10) field(INP, "SRC CP") field(EGU, counts) field(PREC, 1) }
            """);
        Assert.Equal([4, 5, 6], (short[])ioc.Read("SRC").Values);
        ioc.Put("SRC", new[] { 7.0, 8.0 });
        var copy = ioc.Read("COPY");
        Assert.Equal([7.0, 8.0], (double[])copy.Values);
        Assert.Equal(("counts", (short)1), (copy.Units, copy.Precision));
    }

    [Fact]
    public void String_waveforms_hold_strings()
    {
        using var ioc = new TestIoc("record(waveform, W) { field(FTVL, STRING) field(NELM, 3) field(INP, [\"a\", \"b c\"]) }");
        Assert.Equal(["a", "b c"], (string[])ioc.Read("W").Values);
    }
}
