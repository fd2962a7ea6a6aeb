namespace Hyperion.ChannelAccess.Tests;

public class DbrTests
{
    // EPICS base's dbr_size[] (db_access.h), in type order.
    private static readonly int[] BaseSizes =
    [
        40, 2, 4, 2, 1, 4, 8,
        44, 6, 8, 6, 6, 8, 16,
        52, 16, 16, 16, 16, 16, 24,
        44, 26, 44, 424, 20, 40, 72,
        44, 30, 52, 424, 22, 48, 88,
        2, 2, 48, 40,
    ];

    [Fact]
    public void Every_dbr_type_has_base_s_size()
    {
        for (ushort type = 0; type <= DbrTypes.Last; type++)
        {
            Assert.True(BaseSizes[type] == DbrTypes.Size((DbrType)type, 1), $"{DbrTypes.CName((DbrType)type)}: expected {BaseSizes[type]}, got {DbrTypes.Size((DbrType)type, 1)}");
        }
    }

    [Fact]
    public void Time_double_is_status_severity_stamp_padding_then_value()
    {
        var value = new DbrValue(DbrType.Double, new[] { 1.0 })
        {
            Status = AlarmStatus.High,
            Severity = AlarmSeverity.Minor,
            Timestamp = new EpicsTimestamp(0x01020304, 500),
        };
        var bytes = DbrCodec.Encode(DbrType.TimeDouble, value, 1);
        Assert.Equal("00 04 00 01 01 02 03 04 00 00 01 f4 00 00 00 00 3f f0 00 00 00 00 00 00", Hex.Of(bytes));
    }

    [Fact]
    public void Ctrl_double_lays_out_precision_units_and_eight_limits()
    {
        var value = new DbrValue(DbrType.Double, new[] { 2.0 })
        {
            Precision = 3,
            Units = "mm",
            Limits = new DbrLimits { UpperDisplay = 10, LowerDisplay = -10, UpperAlarm = 9, UpperWarning = 8, LowerWarning = -8, LowerAlarm = -9, UpperControl = 5, LowerControl = -5 },
        };
        var bytes = DbrCodec.Encode(DbrType.CtrlDouble, value, 1);
        Assert.Equal(88, bytes.Length);
        Assert.Equal("00 00 00 00 00 03 00 00 6d 6d 00 00 00 00 00 00", Hex.Of(bytes.AsSpan(0, 16)));
        var decoded = DbrCodec.Decode(DbrType.CtrlDouble, 1, bytes);
        Assert.Equal(value.Limits, decoded.Limits);
        Assert.Equal(3, decoded.Precision);
        Assert.Equal("mm", decoded.Units);
        Assert.Equal(2.0, decoded.GetDouble());
        Assert.Equal(5.0, BitConverter.ToDouble(bytes.AsSpan(64, 8).ToArray().Reverse().ToArray()));
    }

    [Fact]
    public void Ctrl_enum_holds_sixteen_26_byte_state_strings()
    {
        var value = new DbrValue(DbrType.Enum, new ushort[] { 1 }) { EnumStrings = ["Out", "In"] };
        var bytes = DbrCodec.Encode(DbrType.CtrlEnum, value, 1);
        Assert.Equal(424, bytes.Length);
        Assert.Equal("00 02 4f 75 74 00", Hex.Of(bytes.AsSpan(4, 6)));
        Assert.Equal((byte)'I', bytes[6 + 26]);
        Assert.Equal("00 01", Hex.Of(bytes.AsSpan(422, 2)));
        var decoded = DbrCodec.Decode(DbrType.CtrlEnum, 1, bytes);
        Assert.Equal(["Out", "In"], decoded.EnumStrings);
        Assert.Equal("In", decoded.GetString());
    }

    public static TheoryData<DbrType> AllTypes()
    {
        var data = new TheoryData<DbrType>();
        for (ushort type = 0; type <= DbrTypes.Last; type++)
        {
            data.Add((DbrType)type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Every_type_round_trips_an_array_with_its_metadata(DbrType type)
    {
        var valueType = DbrTypes.ValueTypeOf(type);
        var source = new DbrValue(DbrType.Double, new[] { 1.0, 2.0, 3.0 })
        {
            Status = AlarmStatus.HiHi,
            Severity = AlarmSeverity.Major,
            Timestamp = new EpicsTimestamp(123456, 789),
            Units = "deg",
            Precision = 2,
            Limits = new DbrLimits { UpperDisplay = 100, LowerDisplay = 1, UpperAlarm = 90, UpperWarning = 80, LowerWarning = 20, LowerAlarm = 10, UpperControl = 95, LowerControl = 5 },
            EnumStrings = ["zero", "one", "two", "three"],
            AckTransient = 1,
            AckSeverity = 2,
        };
        var converted = DbrConvert.To(source, valueType);
        var bytes = DbrCodec.Encode(type, converted, 3);
        Assert.Equal(DbrTypes.Size(type, 3), bytes.Length);
        var decoded = DbrCodec.Decode(type, 3, bytes);
        Assert.Equal(converted.Values, decoded.Values);
        var category = DbrTypes.CategoryOf(type);
        if (category is DbrCategory.Status or DbrCategory.Time or DbrCategory.Graphic or DbrCategory.Control || type == DbrType.StsackString)
        {
            Assert.Equal(AlarmStatus.HiHi, decoded.Status);
            Assert.Equal(AlarmSeverity.Major, decoded.Severity);
        }

        if (category == DbrCategory.Time)
        {
            Assert.Equal(source.Timestamp, decoded.Timestamp);
        }

        if (category is DbrCategory.Graphic or DbrCategory.Control && valueType is not DbrType.String and not DbrType.Enum)
        {
            Assert.Equal("deg", decoded.Units);
            Assert.Equal(100, decoded.Limits.UpperDisplay);
            Assert.Equal(category == DbrCategory.Control ? 95 : 0, decoded.Limits.UpperControl);
        }
    }

    [Fact]
    public void Missing_elements_are_zero_padded_and_decoding_a_short_payload_names_the_type()
    {
        var bytes = DbrCodec.Encode(DbrType.Long, DbrValue.Of(7), 3);
        Assert.Equal("00 00 00 07 00 00 00 00 00 00 00 00", Hex.Of(bytes));
        var error = Assert.Throws<CaProtocolException>(() => DbrCodec.Decode(DbrType.TimeDouble, 2, bytes));
        Assert.Contains("DBR_TIME_DOUBLE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_are_truncated_to_39_characters_and_NUL_terminated()
    {
        var text = new string('x', 50);
        var bytes = DbrCodec.Encode(DbrType.String, DbrValue.Of(text), 1);
        Assert.Equal(0, bytes[39]);
        Assert.Equal(new string('x', 39), DbrCodec.Decode(DbrType.String, 1, bytes).GetString());
    }

    [Fact]
    public void Numbers_convert_to_strings_with_the_precision_and_enums_to_labels()
    {
        var number = new DbrValue(DbrType.Double, new[] { 3.14159 }) { Precision = 2 };
        Assert.Equal("3.14", DbrConvert.To(number, DbrType.String).GetString());
        var choice = new DbrValue(DbrType.Enum, new ushort[] { 1, 5 }) { EnumStrings = ["Off", "On"] };
        Assert.Equal(new[] { "On", "5" }, (string[])DbrConvert.To(choice, DbrType.String).Values);
    }

    [Fact]
    public void Strings_parse_to_numbers_and_enum_labels_and_bad_strings_are_ECA_BADSTR()
    {
        Assert.Equal(2.5, (double)DbrConvert.Parse(" 2.5 ", DbrType.Double));
        Assert.Equal(16, (int)DbrConvert.Parse("0x10", DbrType.Long));
        Assert.Equal((ushort)1, (ushort)DbrConvert.Parse("In", DbrType.Enum, ["Out", "In"]));
        Assert.Equal((ushort)0, (ushort)DbrConvert.Parse("0", DbrType.Enum, ["Out", "In"]));
        var error = Assert.Throws<CaProtocolException>(() => DbrConvert.Parse("fast", DbrType.Double));
        Assert.Equal(Eca.Badstr, error.Status);
        Assert.Throws<CaProtocolException>(() => DbrConvert.Parse("Sideways", DbrType.Enum, ["Out", "In"]));
    }

    [Fact]
    public void Numbers_clamp_to_narrower_integer_types()
    {
        var big = DbrValue.Of(1e12, -1e12, double.NaN);
        Assert.Equal(new short[] { short.MaxValue, short.MinValue, 0 }, (short[])DbrConvert.To(big, DbrType.Short).Values);
        Assert.Equal(new byte[] { 255, 0, 0 }, (byte[])DbrConvert.To(big, DbrType.Char).Values);
    }

    [Fact]
    public void Epics_epoch_is_1990()
    {
        var stamp = EpicsTimestamp.From(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(1164585600u, stamp.SecondsPastEpoch);
        Assert.Equal(1164585600 + 631152000.0, stamp.ToUnixSeconds());
        Assert.Equal(new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero), new EpicsTimestamp(0, 0).ToDateTimeOffset());
    }

    [Theory]
    [InlineData("DBR_TIME_DOUBLE", DbrType.TimeDouble)]
    [InlineData("ctrl_enum", DbrType.CtrlEnum)]
    [InlineData("DBR_INT", DbrType.Short)]
    [InlineData("DBR_STSACK_STRING", DbrType.StsackString)]
    [InlineData("34", DbrType.CtrlDouble)]
    public void Dbr_type_names_parse(string text, DbrType expected) => Assert.Equal(expected, DbrTypes.Parse(text));

    [Fact]
    public void Unknown_dbr_type_names_are_refused_with_the_name()
    {
        var error = Assert.Throws<FormatException>(() => DbrTypes.Parse("DBR_QUATERNION"));
        Assert.Contains("DBR_QUATERNION", error.Message, StringComparison.Ordinal);
    }
}
