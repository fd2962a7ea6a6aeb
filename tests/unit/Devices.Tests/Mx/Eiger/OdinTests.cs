using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Eiger;

namespace Hyperion.Devices.Tests.Mx.Eiger;

public class OdinTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static async Task<EigerOdin> MockOdinAsync()
    {
        var odin = new EigerOdin("BL03I-EA-EIGER-01:", "odin");
        await odin.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return odin;
    }

    [Fact]
    public async Task The_finished_status_waits_for_the_meta_listener_and_every_node_to_stop_writing()
    {
        var odin = await MockOdinAsync();
        odin.Meta.Ready.Mock!.SetValue(1);
        foreach (var node in odin.Nodes.Nodes)
        {
            node.Writing.Mock!.SetValue(1);
        }

        var finished = odin.CreateFinishedStatus();
        odin.Meta.Ready.Mock.SetValue(0);
        foreach (var node in odin.Nodes.Nodes.Take(3))
        {
            node.Writing.Mock!.SetValue(0);
        }

        Assert.False(finished.Done);
        odin.Nodes.Node3.Writing.Mock!.SetValue(0);
        await finished.Task.WaitAsync(Wait);
    }

    [Fact]
    public async Task Stop_writes_capture_0_and_meta_stop_1()
    {
        var odin = await MockOdinAsync();
        await odin.Stop().Task.WaitAsync(Wait);
        Assert.Equal(0, Assert.Single(odin.FileWriter.Capture.Mock!.Puts).Value);
        Assert.Equal(1, Assert.Single(odin.Meta.StopWriting.Mock!.Puts).Value);
    }

    [Fact]
    public async Task Initialisation_lists_every_check_that_failed_in_dodals_order()
    {
        var odin = await MockOdinAsync();
        odin.Nodes.Node0.ErrorStatus.Mock!.SetValue(1);
        odin.Nodes.Node0.ErrorMessage.Mock!.SetValue("x");

        var (ok, message) = await odin.WaitForOdinInitialisedAsync(Short).WaitAsync(Wait);

        Assert.False(ok);
        Assert.Equal(
            string.Join("\n", "Filewriter 0 is in an error state with error message" + new string(' ', 21) + "- x", "EigerFan is not connected", "EigerFan is not initialised", "MetaListener is not initialised", "One or more filewriters is not initialised"),
            message);
    }

    [Fact]
    public async Task Initialisation_succeeds_once_everything_is_connected()
    {
        var odin = await MockOdinAsync();
        var check = odin.WaitForOdinInitialisedAsync(Wait);
        odin.Fan.ConsumersConnected.Mock!.SetValue(1);
        odin.Fan.On.Mock!.SetValue(1);
        odin.Meta.Initialised.Mock!.SetValue(1);
        foreach (var node in odin.Nodes.Nodes)
        {
            node.FrInitialised.Mock!.SetValue(1);
            node.FpInitialised.Mock!.SetValue(1);
        }

        Assert.Equal((true, string.Empty), await check.WaitAsync(Wait));
    }

    [Fact]
    public async Task Frame_checks_report_each_node_that_lost_frames()
    {
        var odin = await MockOdinAsync();
        Assert.Equal((false, string.Empty), await odin.Nodes.CheckFramesDroppedAsync());
        odin.Nodes.Node0.FramesDropped.Mock!.SetValue(1);
        odin.Nodes.Node2.FramesDropped.Mock!.SetValue(7);
        var (bad, details) = await odin.Nodes.CheckFramesDroppedAsync();
        Assert.True(bad);
        Assert.Equal($"Filewriter 0 dropped {new string(' ', 24)}1 frames\nFilewriter 2 dropped {new string(' ', 24)}7 frames", details);
    }
}
