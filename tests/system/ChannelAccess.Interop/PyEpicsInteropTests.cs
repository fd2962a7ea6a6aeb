using System.Text.Json.Nodes;

namespace Hyperion.ChannelAccess.Interop.Tests;

/// <summary>EPICS base's own client library (libca through pyepics) drives our server.</summary>
[Collection("pyepics")]
public class PyEpicsInteropTests(InteropServer ioc) : IClassFixture<InteropServer>
{
    private static double D(JsonNode? node) => node!.GetValue<double>();

    [Fact]
    public async Task Libca_sees_native_type_count_and_access()
    {
        var info = await ioc.Peer.RequestAsync(new { op = "info", pv = "IOC:DOUBLE" });
        Assert.Equal("double", info["type_name"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal(1, info["count"]!.GetValue<int>());
        Assert.True(info["read_access"]!.GetValue<bool>());
        Assert.True(info["write_access"]!.GetValue<bool>());
        var wave = await ioc.Peer.RequestAsync(new { op = "info", pv = "IOC:WAVE" });
        Assert.Equal(100_000, wave["count"]!.GetValue<int>());
        var ro = await ioc.Peer.RequestAsync(new { op = "info", pv = "IOC:RO" });
        Assert.False(ro["write_access"]!.GetValue<bool>());
    }

    public static TheoryData<int> EveryReadableType()
    {
        var data = new TheoryData<int>();
        for (var type = 0; type <= 34; type++)
        {
            data.Add(type);
        }

        data.Add(37);
        data.Add(38);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryReadableType))]
    public async Task Libca_reads_every_dbr_type_with_the_right_layout_and_values(int dbrType)
    {
        // ca_array_get into a C struct: libca byte-swaps each field by the type's layout, so a wrong layout on our
        // side shows up as wrong values here. IOC:TYPES is 3.14159, PREC 3, "mm", HIGH/MINOR, limits +-10/9/8, ctrl +-5.
        var answer = await ioc.Peer.RequestAsync(new { op = "raw_get", pv = "IOC:TYPES", dbr_type = dbrType });
        Assert.True(answer["status"]!.GetValue<int>() == 1, $"libca: {answer["message"]}");
        var fields = answer["fields"]!.AsObject();
        var value = fields["value"]!.AsArray()[0]!;
        string[] expected = ["3.142", "3", "3.14159", "3", "3", "3", "3.14159"];
        var native = dbrType switch { 37 or 38 => 0, _ => dbrType % 7 };
        if (dbrType != 38)
        {
            var text = value.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? value.GetValue<string>()
                : value.GetValue<double>().ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected[native], text);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(value.GetValue<string>()), "DBR_CLASS_NAME should name the record type");
        }

        var category = dbrType / 7;
        if ((category >= 1 && dbrType <= 34) || dbrType == 37)
        {
            Assert.Equal(4, fields["status"]!.GetValue<int>());
            Assert.Equal(1, fields["severity"]!.GetValue<int>());
        }

        if (category == 2)
        {
            Assert.True(fields["secs"]!.GetValue<long>() > 1_000_000_000, $"time stamp {fields["secs"]} s past 1990");
        }

        if (category is 3 or 4 && native is not 0 and not 3)
        {
            // dbr_char_t is unsigned: negative limits clamp to 0.
            double Low(double limit) => native == 4 ? 0 : limit;
            Assert.Equal("mm", fields["units"]!.GetValue<string>());
            Assert.Equal(10, D(fields["upper_disp_limit"]));
            Assert.Equal(Low(-10), D(fields["lower_disp_limit"]));
            Assert.Equal(9, D(fields["upper_alarm_limit"]));
            Assert.Equal(8, D(fields["upper_warning_limit"]));
            Assert.Equal(Low(-8), D(fields["lower_warning_limit"]));
            Assert.Equal(Low(-9), D(fields["lower_alarm_limit"]));
            if (native is 2 or 6)
            {
                Assert.Equal(3, fields["precision"]!.GetValue<int>());
            }

            if (category == 4)
            {
                Assert.Equal(5, D(fields["upper_ctrl_limit"]));
                Assert.Equal(Low(-5), D(fields["lower_ctrl_limit"]));
            }
        }
    }

    [Fact]
    public async Task Libca_reads_enum_strings_with_the_ctrl_enum_layout()
    {
        var answer = await ioc.Peer.RequestAsync(new { op = "raw_get", pv = "IOC:ENUM", dbr_type = 31 });
        var fields = answer["fields"]!.AsObject();
        Assert.Equal(424, answer["size"]!.GetValue<int>());
        Assert.Equal(3, fields["no_str"]!.GetValue<int>());
        Assert.Equal(["Out", "In", "Moving"], fields["strs"]!.AsArray().Take(3).Select(s => s!.GetValue<string>()));
        Assert.Equal(1, fields["value"]!.AsArray()[0]!.GetValue<int>());
    }

    [Fact]
    public async Task Control_metadata_reaches_libca()
    {
        var meta = await ioc.Peer.RequestAsync(new { op = "get_with_metadata", pv = "IOC:DOUBLE", form = "ctrl" });
        Assert.Equal(3.14159, D(meta["value"]), 6);
        Assert.Equal("mm", meta["units"]!.GetValue<string>());
        Assert.Equal(3, meta["precision"]!.GetValue<int>());
        Assert.Equal(10, D(meta["upper_disp_limit"]));
        Assert.Equal(-10, D(meta["lower_disp_limit"]));
        Assert.Equal(9, D(meta["upper_alarm_limit"]));
        Assert.Equal(8, D(meta["upper_warning_limit"]));
        Assert.Equal(-8, D(meta["lower_warning_limit"]));
        Assert.Equal(-9, D(meta["lower_alarm_limit"]));
        Assert.Equal(5, D(meta["upper_ctrl_limit"]));
        Assert.Equal(-5, D(meta["lower_ctrl_limit"]));
    }

    [Fact]
    public async Task Enum_labels_and_strings_reach_libca()
    {
        var label = await ioc.Peer.RequestAsync(new { op = "get", pv = "IOC:ENUM", ftype = 0 });
        Assert.Equal("In", label["value"]!.GetValue<string>());
        var meta = await ioc.Peer.RequestAsync(new { op = "get_with_metadata", pv = "IOC:ENUM", form = "ctrl" });
        Assert.Equal(["Out", "In", "Moving"], meta["enum_strs"]!.AsArray().Select(s => s!.GetValue<string>()));
        var text = await ioc.Peer.RequestAsync(new { op = "get", pv = "IOC:STRING" });
        Assert.Equal("hello", text["value"]!.GetValue<string>());
        var character = await ioc.Peer.RequestAsync(new { op = "get", pv = "IOC:CHAR" });
        Assert.Equal(65, character["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_100000_element_waveform_and_an_empty_array_read_correctly()
    {
        var wave = await ioc.Peer.RequestAsync(new { op = "get", pv = "IOC:WAVE" });
        var values = wave["value"]!.AsArray();
        Assert.Equal(100_000, values.Count);
        Assert.Equal(0.0, D(values[0]));
        Assert.Equal(49_999.5, D(values[^1]));
        Assert.Equal(12_345 * 0.5, D(values[12_345]));
        var empty = await ioc.Peer.RequestAsync(new { op = "get_with_metadata", pv = "IOC:EMPTY", form = "time" });
        var emptyValue = empty["value"];
        Assert.True(emptyValue is JsonArray { Count: 0 } || emptyValue is null, $"expected an empty array, got {emptyValue}");
    }

    [Fact]
    public async Task Put_with_wait_completes_only_when_the_motor_stops()
    {
        var quick = await ioc.Peer.RequestAsync(new { op = "put", pv = "IOC:MOTOR", value = 2.0, wait = false });
        Assert.True(quick["elapsed"]!.GetValue<double>() < InteropServer.MotorMoveSeconds / 2, $"a put without wait took {quick["elapsed"]} s");

        // Let that move finish first, so the two simulated moves cannot land out of order.
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20)))
        {
            while (ioc.Motor.Value.GetDouble() != 2.0)
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
        }

        var waited = await ioc.Peer.RequestAsync(new { op = "put", pv = "IOC:MOTOR", value = 5.0, wait = true, timeout = 10.0 });
        Assert.Equal(1, waited["status"]!.GetValue<int>());
        Assert.True(waited["elapsed"]!.GetValue<double>() >= InteropServer.MotorMoveSeconds * 0.9, $"put with wait returned after {waited["elapsed"]} s");
        Assert.Equal(5.0, ioc.Motor.Value.GetDouble());
    }

    [Fact]
    public async Task Writes_to_a_read_only_pv_are_refused()
    {
        var answer = await ioc.Peer.RequestRawAsync(new { op = "put", pv = "IOC:RO", value = 1.0, wait = true, timeout = 5.0 });
        Assert.False(answer["ok"]?.GetValue<bool>() == true && answer["status"]?.GetValue<int>() == 1, $"the write was accepted: {answer}");
        var value = await ioc.Peer.RequestAsync(new { op = "get", pv = "IOC:RO" });
        Assert.Equal(7.0, D(value["value"]));
    }

    [Fact]
    public async Task A_monitor_receives_10000_updates_in_order_with_none_lost()
    {
        const int updates = 10_000;
        var monitor = await ioc.Peer.StartMonitorAsync(new { op = "monitor", pv = "IOC:COUNTER", updates = updates + 1, timeout = 60.0 }, TimeSpan.FromSeconds(90));
        for (var i = 0; i < updates; i++)
        {
            ioc.Counter.SetValue(i);
        }

        var result = await monitor;
        var values = result["values"]!.AsArray().Select(v => v!.GetValue<int>()).ToList();
        Assert.Equal(updates + 1, values.Count);
        Assert.Equal(Enumerable.Range(0, updates), values.Skip(1));
    }

    [Fact]
    public async Task Monitor_deadband_posts_only_changes_beyond_MDEL()
    {
        ioc.Deadband.SetValue(0.0);
        var monitor = await ioc.Peer.StartMonitorAsync(new { op = "monitor", pv = "IOC:DEADBAND", updates = 3, mask = 1, timeout = 20.0 }, TimeSpan.FromSeconds(30));
        foreach (var v in new[] { 0.5, 1.6, 2.0, 3.0 })
        {
            ioc.Deadband.SetValue(v);
        }

        var values = (await monitor)["values"]!.AsArray().Select(D).ToList();
        Assert.Equal([0.0, 1.6, 3.0], values);
    }

    [Fact]
    public async Task Archive_deadband_posts_only_changes_beyond_ADEL()
    {
        ioc.Deadband.SetValue(10.0);
        var monitor = await ioc.Peer.StartMonitorAsync(new { op = "monitor", pv = "IOC:DEADBAND", updates = 3, mask = 2, timeout = 20.0 }, TimeSpan.FromSeconds(30));
        foreach (var v in new[] { 11.0, 12.0, 13.0, 14.0, 17.0 })
        {
            ioc.Deadband.SetValue(v);
        }

        var values = (await monitor)["values"]!.AsArray().Select(D).ToList();
        Assert.Equal([10.0, 13.0, 17.0], values);
    }

    [Fact]
    public async Task A_thousand_channels_connect_at_once()
    {
        var names = Enumerable.Range(0, 1000).Select(i => $"IOC:MANY:{i}").ToArray();
        var answer = await ioc.Peer.RequestAsync(new { op = "connect_many", pvs = names, timeout = 30.0 });
        Assert.Equal(1000, answer["connected"]!.GetValue<int>());
        var last = await ioc.Peer.RequestAsync(new { op = "get", pv = "IOC:MANY:999" });
        Assert.Equal(999.0, D(last["value"]));
    }
}
