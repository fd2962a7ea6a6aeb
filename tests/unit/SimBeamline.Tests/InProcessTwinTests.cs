using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.GridScan;

namespace Hyperion.SimBeamline.Tests;

/// <summary>The twin reached in-process: the same devices and PV backends, no sockets.</summary>
public sealed class InProcessTwinTests : IAsyncLifetime
{
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;

    public Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03");
        _client = _twin.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    private DeviceConnectOptions Connect => new() { PvClient = _client, Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Every_device_of_the_s03_beamline_connects_in_process()
    {
        var report = await I03Beamline.Create("s03", includeSimulatorAbsent: true).ConnectAllAsync(Connect);
        Assert.True(report.AllConnected, string.Join("\n", report.Failed.Select(f => $"{f.Key}: {f.Value.Message}")));
    }

    [Fact]
    public async Task A_motor_moves_in_process_as_it_does_over_channel_access()
    {
        var smargon = I03Beamline.Create("s03").Get<Smargon>("smargon");
        await smargon.ConnectAsync(Connect);
        await smargon.Z.Velocity.SetAsync(4.0);
        var status = smargon.Z.SetTo(2.0);
        var updates = new List<double>();
        status.Watch(u => { lock (updates) { updates.Add(u.Current); } });
        await status.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2.0, await smargon.Z.UserReadback.GetValueAsync(), 3);
        lock (updates)
        {
            // Progress is best effort (an update that lands after completion is not reported), but never wrong.
            Assert.All(updates, u => Assert.InRange(u, 0.0, 2.0));
            Assert.Equal(updates.Order(), updates);
        }
    }

    [Fact]
    public async Task Grid_scan_parameters_written_in_process_read_back()
    {
        var fgs = I03Beamline.Create("s03").Get<ZebraFastGridScan>("zebra_fast_grid_scan");
        await fgs.ConnectAsync(Connect);
        await fgs.XStepSize.SetAsync(0.02);
        await fgs.XStepSize.WaitForValueAsync(0.02, TimeSpan.FromSeconds(5));
    }
}
