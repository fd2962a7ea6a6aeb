using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Server;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.GridScan;

namespace Hyperion.SimBeamline.Tests;

/// <summary>The twin served over Channel Access on loopback, driven through the device layer as Hyperion would.</summary>
public sealed class SimulatedBeamlineTests : IAsyncLifetime
{
    private SimulatedBeamline _twin = null!;
    private TwinOverCa _ca = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03");
        _ca = await TwinOverCa.StartAsync(_twin);
    }

    public async Task DisposeAsync()
    {
        await _ca.DisposeAsync();
        await _twin.DisposeAsync();
    }

    private DeviceConnectOptions Connect => new() { PvClient = _ca.Client, Timeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Every_device_of_the_s03_beamline_connects_to_the_twin_over_channel_access()
    {
        var beamline = I03Beamline.Create("s03", includeSimulatorAbsent: true);
        var report = await beamline.ConnectAllAsync(Connect);
        Assert.True(report.AllConnected, string.Join("\n", report.Failed.Select(f => $"{f.Key}: {f.Value.Message}")));
        Assert.Equal(27, report.Connected.Count);
    }

    [Fact]
    public async Task A_smargon_move_takes_the_time_velocity_and_acceleration_give()
    {
        var smargon = I03Beamline.Create("s03").Get<Smargon>("smargon");
        await smargon.ConnectAsync(Connect);
        await smargon.X.Velocity.SetAsync(2.0);
        await smargon.X.AccelerationTime.SetAsync(0.1);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await smargon.X.MoveToAsync(1.0).WaitAsync(TimeSpan.FromSeconds(20));
        var elapsed = started.Elapsed.TotalSeconds;

        // 1 mm at 2 mm/s with 0.1 s ramps: 0.5 s at full speed plus one ramp time, 0.55 s.
        Assert.InRange(elapsed, 0.5, 5.0);
        Assert.Equal(1.0, await smargon.X.UserReadback.GetValueAsync(), 3);
    }

    [Fact]
    public async Task A_setpoint_with_a_readback_pv_reads_back_what_was_written()
    {
        var fgs = I03Beamline.Create("s03").Get<ZebraFastGridScan>("zebra_fast_grid_scan");
        await fgs.ConnectAsync(Connect);
        await fgs.XSteps.SetAsync(12);
        await fgs.XSteps.WaitForValueAsync(12, TimeSpan.FromSeconds(10));
        Assert.Equal("ca://BL03S-MO-SGON-01:FGS:X_NUM_STEPS_RBV", fgs.XSteps.Info.ReadSource);
    }

    [Fact]
    public void The_database_names_every_motor_with_the_s03_prefix()
    {
        Assert.Equal("motor", _twin.Records.FindRecord("BL03S-MO-SGON-01:X")!.RecordType);
        Assert.Equal("motor", _twin.Records.FindRecord("SR03S-MO-SERVC-01:BLGAPMTR")!.RecordType);
        Assert.Contains("record(motor, \"BL03S-MO-SGON-01:OMEGA\")", _twin.DbText, StringComparison.Ordinal);
    }
}
