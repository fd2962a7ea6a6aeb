using System.Collections.Concurrent;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.GridScan;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Clock;

namespace Hyperion.SimBeamline.Tests;

/// <summary>dodal's ZebraFastGridScan running a 3-D grid scan on the twin, in-process, at 20× real time.</summary>
public sealed class FastGridScanSimulationTests : IAsyncLifetime
{
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private ZebraFastGridScan _fgs = null!;
    private Smargon _smargon = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(20));
        _client = _twin.CreateClient();
        var beamline = I03Beamline.Create("s03");
        _fgs = beamline.Get<ZebraFastGridScan>("zebra_fast_grid_scan");
        _smargon = beamline.Get<Smargon>("smargon");
        var connect = new DeviceConnectOptions { PvClient = _client, Timeout = TimeSpan.FromSeconds(10) };
        await _fgs.ConnectAsync(connect);
        await _smargon.ConnectAsync(connect);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    private static ZebraGridScanParamsThreeD Grid(double xStart = 0.1) => new()
    {
        XSteps = 5,
        YSteps = 3,
        ZSteps = 2,
        XStepSizeMm = 0.02,
        YStepSizeMm = 0.03,
        ZStepSizeMm = 0.03,
        XStartMm = xStart,
        Y1StartMm = -0.05,
        Z1StartMm = 0.01,
        Y2StartMm = 0.02,
        Z2StartMm = -0.04,
        DwellTimeMs = 20,
    };

    [Fact]
    public async Task A_three_d_grid_scan_triggers_once_per_point_along_snaked_rows()
    {
        var triggers = new ConcurrentQueue<GridPointTrigger>();
        _twin.GridScan.Triggered += triggers.Enqueue;
        await _fgs.PrepareAsync(Grid()).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(25, await _fgs.ExpectedImages.GetValueAsync());
        await _fgs.KickoffAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await _fgs.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var points = triggers.ToList();
        Assert.Equal(25, points.Count);
        Assert.Equal(Enumerable.Range(0, 25), points.Select(p => p.Index));
        Assert.Equal(15, points.Count(p => p.Grid == 1));
        Assert.All(points.Where(p => p.Grid == 1), p => Assert.Equal(0.01, p.Z, 9));
        Assert.All(points.Where(p => p.Grid == 2), p => Assert.Equal(0.02, p.Y, 9));

        // The second grid is taken a quarter turn on, where z is across the beam.
        Assert.All(points.Where(p => p.Grid == 1), p => Assert.Equal(0, p.Omega, 3));
        Assert.All(points.Where(p => p.Grid == 2), p => Assert.Equal(90, p.Omega, 3));

        // Row 0 runs forward, row 1 back: x of the 6th point is the last column again.
        Assert.Equal(0.1 + (4 * 0.02), points[4].X, 9);
        Assert.Equal(0.1 + (4 * 0.02), points[5].X, 9);
        Assert.Equal(25, await _fgs.PositionCounter.GetValueAsync());
        Assert.Equal(0, await _fgs.Status.GetValueAsync());
        Assert.Equal(-0.04 + 0.03, await _smargon.Z.UserReadback.GetValueAsync(), 3);
    }

    [Fact]
    public async Task A_grid_outside_the_smargon_limits_is_invalid_and_prepare_fails()
    {
        await _smargon.X.HighLimitTravel.SetAsync(1.0);
        await _smargon.X.LowLimitTravel.SetAsync(-1.0);
        await Assert.ThrowsAsync<GridScanInvalidException>(() => _fgs.PrepareAsync(Grid(xStart: 0.95)).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(0, await _fgs.XScanValid.GetValueAsync());
        Assert.Equal(1, await _fgs.ScanInvalid.GetValueAsync());
    }

    [Fact]
    public async Task Stop_aborts_a_running_scan()
    {
        await _fgs.PrepareAsync(Grid() with { XSteps = 50, DwellTimeMs = 100 }).WaitAsync(TimeSpan.FromSeconds(20));
        await _fgs.KickoffAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await _fgs.StopCmd.TriggerAsync();
        await _fgs.Status.WaitForValueAsync(0, TimeSpan.FromSeconds(20));
        Assert.True(await _fgs.PositionCounter.GetValueAsync() < 250);
    }
}
