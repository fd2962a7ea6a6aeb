using System.Text.Json.Nodes;

namespace Hyperion.ChannelAccess.Interop.Tests;

/// <summary>EPICS base's libca (through pyepics) reads and moves the twin's PVs.</summary>
[Collection("pyepics")]
public class TwinInteropTests(TwinServer twin) : IClassFixture<TwinServer>
{
    private static double D(JsonNode? node) => node!.GetValue<double>();

    [Fact]
    public async Task Libca_moves_the_smargon_and_its_put_completes_when_the_motor_stops()
    {
        await twin.Peer.RequestAsync(new { op = "put", pv = "BL03S-MO-SGON-01:Y.VELO", value = 2.0, wait = true });
        var moved = await twin.Peer.RequestAsync(new { op = "put", pv = "BL03S-MO-SGON-01:Y", value = 1.0, wait = true, timeout = 20.0 });
        Assert.Equal(1, moved["status"]!.GetValue<int>());

        // 1 mm at 2 mm/s with 0.1 s ramps.
        Assert.True(D(moved["elapsed"]) >= 0.45, $"put with wait returned after {moved["elapsed"]} s");
        Assert.Equal(1.0, D((await twin.Peer.RequestAsync(new { op = "get", pv = "BL03S-MO-SGON-01:Y.RBV" }))["value"]), 3);
        Assert.Equal(1, (await twin.Peer.RequestAsync(new { op = "get", pv = "BL03S-MO-SGON-01:Y.DMOV" }))["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task Libca_sees_the_grid_scan_setpoints_follow_to_their_readbacks()
    {
        await twin.Peer.RequestAsync(new { op = "put", pv = "BL03S-MO-SGON-01:FGS:X_NUM_STEPS", value = 40, wait = true });
        var readback = await twin.Peer.RequestAsync(new { op = "get", pv = "BL03S-MO-SGON-01:FGS:X_NUM_STEPS_RBV" });
        Assert.Equal(40, readback["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task Libca_reads_enum_labels_of_the_twins_multi_bit_records()
    {
        var meta = await twin.Peer.RequestAsync(new { op = "get_with_metadata", pv = "BL03S-EA-SHTR-01:CTRL2" });
        Assert.Contains("Open", meta["enum_strs"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Libca_sees_an_injected_ioc_outage_disconnect_the_channel_and_reconnect_it()
    {
        const string pv = "BL03S-MO-SGON-01:OMEGA.RBV";
        var watching = await twin.Peer.StartMonitorAsync(new { op = "connection_events", pv, events = 2, timeout = 30.0 }, TimeSpan.FromSeconds(20));

        await twin.Twin.Faults.InjectAsync(new SimBeamline.Behaviours.FaultDefinition { Fault = "pv_disconnect", Pv = "BL03S-MO-SGON-01:OMEGA*" });
        await twin.Twin.Faults.InjectAsync(new SimBeamline.Behaviours.FaultDefinition { Fault = "pv_reconnect", Pv = "BL03S-MO-SGON-01:OMEGA*" });

        var events = (await watching.WaitAsync(TimeSpan.FromSeconds(40)))["events"]!.AsArray().Select(e => e!.GetValue<bool>());
        Assert.Equal([false, true], events);
    }
}
