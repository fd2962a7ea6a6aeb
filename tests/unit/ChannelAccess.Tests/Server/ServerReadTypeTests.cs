using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>Reads of every DBR type: values converted as base converts them, metadata laid out as each type carries it.</summary>
public class ServerReadTypeTests
{
    public static TheoryData<ushort> AllTypes()
    {
        var data = new TheoryData<ushort>();
        for (ushort type = 0; type <= DbrTypes.Last; type++)
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_dbr_type_of_a_double_pv_reads_the_value_and_its_metadata(ushort dataType)
    {
        var type = (DbrType)dataType;
        var reply = Read("TEST:DOUBLE", type);
        Assert.Equal(Eca.Normal.Value, (int)reply.Header.Parameter1);
        Assert.Equal(CaProtocol.Pad8(DbrTypes.Size(type, 1)), reply.Payload.Length);
        var value = reply.Value();
        var category = DbrTypes.CategoryOf(type);
        switch (type)
        {
            case DbrType.PutAckt or DbrType.PutAcks:
                Assert.Equal((ushort)0, ((ushort[])value.Values)[0]);
                return;
            case DbrType.ClassName:
                // A SoftPv answers its ClassName option ("soft" by default), as a record field answers its record type.
                Assert.Equal("soft", value.GetString());
                return;
            case DbrType.StsackString:
                Assert.Equal("3.142", value.GetString());
                Assert.Equal(AlarmSeverity.Minor, value.Severity);
                return;
        }

        var expected = DbrTypes.ValueTypeOf(type) switch
        {
            DbrType.String => "3.142",
            DbrType.Float => 3.14159f.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DbrType.Double => "3.14159",
            _ => "3",
        };
        Assert.Equal(expected, DbrTypes.ValueTypeOf(type) == DbrType.Double ? value.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture) : Raw(value));
        if (category != DbrCategory.Plain)
        {
            Assert.Equal(AlarmStatus.High, value.Status);
            Assert.Equal(AlarmSeverity.Minor, value.Severity);
        }

        if (category == DbrCategory.Time)
        {
            Assert.Equal(TestPvs.Stamp, value.Timestamp);
        }

        if (category is DbrCategory.Graphic or DbrCategory.Control && DbrTypes.ValueTypeOf(type) is not (DbrType.String or DbrType.Enum))
        {
            Assert.Equal("mm", value.Units);
            Assert.Equal(10, value.Limits.UpperDisplay);
            Assert.Equal(9, value.Limits.UpperAlarm);
            Assert.Equal(category == DbrCategory.Control ? 5 : 0, value.Limits.UpperControl);
            if (DbrTypes.ValueTypeOf(type) is DbrType.Float or DbrType.Double)
            {
                Assert.Equal(3, value.Precision);
            }
        }
    }

    [Fact]
    public void Time_double_is_byte_for_byte_status_severity_stamp_and_value()
    {
        var reply = Read("TEST:DOUBLE", DbrType.TimeDouble);
        Assert.Equal(
            "00 0f 00 18 00 14 00 01 00 00 00 01 00 00 00 4d " +
            "00 04 00 01 3b 9a ca 00 07 5b cd 15 00 00 00 00 40 09 21 f9 f0 1b 86 6e",
            Hex.Of(reply.Bytes()));
    }

    [Fact]
    public void Enums_read_as_labels_their_index_and_their_state_strings()
    {
        Assert.Equal("On", Read("TEST:ENUM", DbrType.String).Value().GetString());
        Assert.Equal(1, Read("TEST:ENUM", DbrType.Double).Value().GetDouble());
        var ctrl = Read("TEST:ENUM", DbrType.CtrlEnum);
        Assert.Equal(CaProtocol.Pad8(422), ctrl.Payload.Length);
        Assert.Equal(TestPvs.EnumStates, ctrl.Value().EnumStrings);
        Assert.Equal((ushort)1, ((ushort[])ctrl.Value().Values)[0]);
    }

    [Fact]
    public void Integers_and_chars_read_as_numbers_and_as_text()
    {
        Assert.Equal("42", Read("TEST:LONG", DbrType.String).Value().GetString());
        Assert.Equal(-7.0, Read("TEST:SHORT", DbrType.Double).Value().GetDouble());
        Assert.Equal("65", Read("TEST:CHAR", DbrType.String).Value().GetString());
        Assert.Equal("2.50", Read("TEST:FLOAT", DbrType.String).Value().GetString());
        Assert.Equal("cts", Read("TEST:LONG", DbrType.GrLong).Value().Units);
    }

    [Fact]
    public void A_string_pv_reads_as_a_number_when_it_holds_one_and_fails_with_ecagetfail_otherwise()
    {
        var provider = TestPvs.Create();
        provider.AddSoft("TEST:NUMTEXT", DbrValue.Of("12.5"));
        Assert.Equal(12.5, Read("TEST:NUMTEXT", DbrType.Double, provider).Value().GetDouble());

        var reply = Read("TEST:STRING", DbrType.Double);
        Assert.Equal(Eca.Getfail.Value, (int)reply.Header.Parameter1);
        Assert.Equal(8, reply.Payload.Length);
        Assert.All(reply.Payload, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_string_reads_as_forty_bytes_terminated_and_padded()
    {
        var reply = Read("TEST:STRING", DbrType.String);
        Assert.Equal(40, reply.Payload.Length);
        Assert.Equal("68 65 6c 6c 6f 00 00 00", Hex.Of(reply.Payload.AsSpan(0, 8)));
    }

    [Fact]
    public void The_deprecated_read_replies_with_the_channel_cid_in_p1()
    {
        using var harness = CircuitHarness.Connected();
        var sid = harness.Create("TEST:LONG", 21);
        harness.Send(new ReadRequest((ushort)DbrType.Long, 1, sid, 3));
        var reply = Assert.Single(harness.Take());
        Assert.Equal(new CaHeader(CaCommand.Read, 8, (ushort)DbrType.Long, 1, 21, 3), reply.Header);
        Assert.Equal(42, reply.Value().GetDouble());
    }

    private static ServerReply Read(string pv, DbrType type, InMemoryPvProvider? provider = null)
    {
        using var harness = CircuitHarness.Connected(provider);
        var sid = harness.Create(pv, 1);
        harness.Send(new ReadNotifyRequest((ushort)type, 1, sid, 77));
        var reply = Assert.Single(harness.Take());
        Assert.Equal(CaCommand.ReadNotify, reply.Command);
        Assert.Equal(77u, reply.Header.Parameter2);
        return reply;
    }

    private static string Raw(DbrValue value) => value.Values.GetValue(0) switch
    {
        string s => s,
        float f => f.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var other => other?.ToString() ?? string.Empty,
    };
}
