using System.Text.Json.Nodes;

namespace Hyperion.ChannelAccess.Interop.Tests;

/// <summary>libca drives the soft IOC's records (what <c>hyperion ca serve --db</c> serves).</summary>
[Collection("pyepics")]
public class SoftIocInteropTests(SoftIocServer ioc) : IClassFixture<SoftIocServer>
{
    private static double D(JsonNode? node) => node!.GetValue<double>();

    [Fact]
    public async Task Put_with_wait_on_a_motor_record_completes_when_the_move_is_done()
    {
        var start = D((await ioc.Peer.RequestAsync(new { op = "get", pv = "BL03S-SAMPLE:X.RBV" }))["value"]);
        var target = start + 1.0;
        var waited = await ioc.Peer.RequestAsync(new { op = "put", pv = "BL03S-SAMPLE:X", value = target, wait = true, timeout = 20.0 });
        Assert.Equal(1, waited["status"]!.GetValue<int>());

        // 1 mm at 2 mm/s with 0.1 s ramps: at least 0.5 s of motion.
        Assert.True(D(waited["elapsed"]) >= 0.45, $"put with wait returned after {waited["elapsed"]} s");
        var rbv = await ioc.Peer.RequestAsync(new { op = "get", pv = "BL03S-SAMPLE:X.RBV" });
        var dmov = await ioc.Peer.RequestAsync(new { op = "get", pv = "BL03S-SAMPLE:X.DMOV" });
        Assert.Equal(target, D(rbv["value"]), 3);
        Assert.Equal(1, dmov["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_motor_records_control_metadata_reaches_libca()
    {
        var meta = await ioc.Peer.RequestAsync(new { op = "get_with_metadata", pv = "BL03S-SAMPLE:X" });
        Assert.Equal("mm", meta["units"]!.GetValue<string>());
        Assert.Equal(3, meta["precision"]!.GetValue<int>());
        Assert.Equal(50.0, D(meta["upper_ctrl_limit"]));
        Assert.Equal(-50.0, D(meta["lower_ctrl_limit"]));
    }

    [Fact]
    public async Task Mbbo_labels_reach_libca_and_a_label_written_as_a_string_selects_the_state()
    {
        var meta = await ioc.Peer.RequestAsync(new { op = "get_with_metadata", pv = "BL03S-SHUTTER" });
        Assert.Equal(["Closed", "Open", "Fault"], meta["enum_strs"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray());
        Assert.Equal(1, meta["value"]!.GetValue<int>());
        await ioc.Peer.RequestAsync(new { op = "put_string", pv = "BL03S-SHUTTER", value = "Fault" });
        var text = await ioc.Peer.RequestAsync(new { op = "get", pv = "BL03S-SHUTTER", ftype = 0 }); // DBR_STRING: the server gives the label
        Assert.Equal("Fault", text["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_ao_clamps_to_its_drive_limits_and_raises_its_alarms()
    {
        await ioc.Peer.RequestAsync(new { op = "put", pv = "BL03S-DCM:ENERGY", value = 23.0, wait = true });
        var high = await ioc.Peer.RequestAsync(new { op = "get_with_metadata", pv = "BL03S-DCM:ENERGY", form = "time" });
        Assert.Equal(23.0, D(high["value"]));
        Assert.Equal(1, high["severity"]!.GetValue<int>()); // MINOR (HIGH)
        await ioc.Peer.RequestAsync(new { op = "put", pv = "BL03S-DCM:ENERGY", value = 99.0, wait = true });
        var clamped = await ioc.Peer.RequestAsync(new { op = "get_with_metadata", pv = "BL03S-DCM:ENERGY", form = "time" });
        Assert.Equal(25.0, D(clamped["value"]));
        Assert.Equal(2, clamped["severity"]!.GetValue<int>()); // MAJOR (HIHI)
        await ioc.Peer.RequestAsync(new { op = "put", pv = "BL03S-DCM:ENERGY", value = 12.7, wait = true });
    }

    [Fact]
    public async Task A_periodically_scanned_calc_posts_increasing_values_to_a_libca_monitor()
    {
        var monitor = await ioc.Peer.StartMonitorAsync(new { op = "monitor", pv = "BL03S-TICKS", updates = 4, timeout = 20.0 }, TimeSpan.FromSeconds(30));
        var values = (await monitor)["values"]!.AsArray().Select(D).ToList();
        Assert.Equal(4, values.Count);
        for (var i = 1; i < values.Count; i++)
        {
            Assert.True(values[i] > values[i - 1], $"update {i} ({values[i]}) is not above update {i - 1} ({values[i - 1]})");
        }
    }

    [Fact]
    public async Task A_float_waveform_written_by_libca_reads_back_with_its_length()
    {
        var written = Enumerable.Range(0, 1500).Select(i => i * 0.25).ToArray();
        await ioc.Peer.RequestAsync(new { op = "put", pv = "BL03S-SPECTRUM", value = written, wait = true });
        var info = await ioc.Peer.RequestAsync(new { op = "info", pv = "BL03S-SPECTRUM" });
        Assert.Equal(2048, info["count"]!.GetValue<int>());
        var read = await ioc.Peer.RequestAsync(new { op = "get", pv = "BL03S-SPECTRUM", count = 0 });
        Assert.Equal(written, read["value"]!.AsArray().Select(D).ToArray());
    }
}
