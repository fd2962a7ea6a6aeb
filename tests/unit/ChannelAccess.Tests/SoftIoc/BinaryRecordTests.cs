namespace Hyperion.ChannelAccess.Tests.SoftIoc;

public class BinaryRecordTests
{
    [Fact]
    public void Bo_states_are_ZNAM_and_ONAM_and_writes_accept_labels()
    {
        using var ioc = new TestIoc("record(bo, SHUTTER) { field(ZNAM, Closed) field(ONAM, Open) }");
        var value = ioc.Read("SHUTTER");
        Assert.Equal(DbrType.Enum, value.ValueType);
        Assert.Equal(["Closed", "Open"], value.EnumStrings);
        ioc.Put("SHUTTER", "Open");
        Assert.Equal(1.0, ioc.Number("SHUTTER"));
        Assert.Equal("Open", ioc.Text("SHUTTER"));
    }

    [Fact]
    public void Binary_state_strings_follow_base_s_counting_rule()
    {
        using var ioc = new TestIoc("record(bi, NONE) {} record(bi, ZERO) { field(ZNAM, Off) } record(bi, ONE) { field(ONAM, On) }");
        Assert.Equal(["", ""], ioc.Read("NONE").EnumStrings);
        Assert.Equal(["Off"], ioc.Read("ZERO").EnumStrings);
        Assert.Equal(["", "On"], ioc.Read("ONE").EnumStrings);
    }

    [Fact]
    public void Bi_raises_state_and_change_of_state_alarms()
    {
        using var ioc = new TestIoc("record(bi, B) { field(VAL, 0) field(OSV, MAJOR) field(COSV, MINOR) }");
        ioc.Put("B", 0);
        Assert.Equal(AlarmSeverity.NoAlarm, ioc.Read("B").Severity);
        ioc.Put("B", 1);
        Assert.Equal((AlarmStatus.State, AlarmSeverity.Major), (ioc.Read("B").Status, ioc.Read("B").Severity));
        ioc.Put("B", 0);
        Assert.Equal((AlarmStatus.Cos, AlarmSeverity.Minor), (ioc.Read("B").Status, ioc.Read("B").Severity));
        ioc.Put("B", 0);
        Assert.Equal(AlarmSeverity.NoAlarm, ioc.Read("B").Severity);
    }

    [Fact]
    public void Binary_monitors_post_on_a_change_of_state_only()
    {
        using var ioc = new TestIoc("record(bo, B) { field(VAL, 0) }");
        ioc.Put("B", 0);
        var updates = ioc.Monitor("B");
        ioc.Put("B", 0);
        ioc.Put("B", 1);
        ioc.Put("B", 1);
        Assert.Equal(EventMask.Value | EventMask.Log, Assert.Single(updates).Events);
    }

    [Fact]
    public void Bo_writes_its_output_link()
    {
        using var ioc = new TestIoc("record(bo, CMD) { field(OUT, \"STATE PP\") } record(bi, STATE) { field(ZNAM, Off) field(ONAM, On) }");
        ioc.Put("CMD", 1);
        Assert.Equal("On", ioc.Text("STATE"));
    }

    [Fact]
    public void Bi_reads_a_cp_input()
    {
        using var ioc = new TestIoc("record(bo, CMD) {} record(bi, FOLLOW) { field(INP, \"CMD CP\") }");
        ioc.Put("CMD", 1);
        Assert.Equal(1.0, ioc.Number("FOLLOW"));
    }

    [Fact]
    public void Mbbo_serves_the_state_strings_up_to_the_last_defined()
    {
        using var ioc = new TestIoc("record(mbbo, M) { field(ZRST, Idle) field(TWST, Collect) }");
        Assert.Equal(["Idle", "", "Collect"], ioc.Read("M").EnumStrings);
    }

    [Fact]
    public void All_sixteen_mbbo_states_are_served()
    {
        var names = new[] { "ZR", "ON", "TW", "TH", "FR", "FV", "SX", "SV", "EI", "NI", "TE", "EL", "TV", "TT", "FT", "FF" };
        var fields = string.Join(" ", names.Select((n, i) => $"field({n}ST, \"S{i}\") field({n}VL, {i * 10})"));
        using var ioc = new TestIoc($"record(mbbo, M) {{ {fields} }}");
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"S{i}"), ioc.Read("M").EnumStrings);
        ioc.Put("M", "S15");
        Assert.Equal((15.0, 150.0), (ioc.Number("M"), ioc.Number("M.RVAL")));
    }

    [Fact]
    public void Mbbo_states_carry_their_severities_and_unknown_states_UNSV()
    {
        using var ioc = new TestIoc("record(mbbo, M) { field(ZRST, A) field(ONST, B) field(ONSV, MAJOR) field(UNSV, INVALID) field(VAL, 0) }");
        ioc.Put("M", "B");
        Assert.Equal((AlarmStatus.State, AlarmSeverity.Major), (ioc.Read("M").Status, ioc.Read("M").Severity));
        ioc.Put("M", "A");
        Assert.Equal(AlarmSeverity.NoAlarm, ioc.Read("M").Severity);
        ioc.Put("M", new DbrValue(DbrType.Enum, new ushort[] { 20 }));
        Assert.Equal(AlarmSeverity.Invalid, ioc.Read("M").Severity);
    }

    [Fact]
    public void Writing_an_unknown_label_fails_in_conversion()
    {
        using var ioc = new TestIoc("record(mbbo, M) { field(ZRST, A) field(ONST, B) }");
        Assert.Throws<CaProtocolException>(() => ioc.Put("M", "C"));
    }

    [Fact]
    public void Mbbi_reads_its_input_and_takes_state_severities()
    {
        using var ioc = new TestIoc("""
            record(longout, RAW) {}
            record(mbbi, M) { field(INP, "RAW CP") field(ZRST, Low) field(ONST, High) field(ONSV, MINOR) }
            """);
        ioc.Put("RAW", 1);
        Assert.Equal("High", ioc.Text("M"));
        Assert.Equal(AlarmSeverity.Minor, ioc.Read("M").Severity);
    }

    [Fact]
    public void Changing_a_state_string_posts_a_property_event()
    {
        using var ioc = new TestIoc("record(mbbo, M) { field(ZRST, A) field(VAL, 0) }");
        var updates = ioc.Monitor("M");
        ioc.Put("M.ONST", "B");
        var property = Assert.Single(updates, u => u.Events.HasFlag(EventMask.Property));
        Assert.Equal(["A", "B"], property.Value.EnumStrings);
    }
}
