using System.Collections.Concurrent;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Clock;
using Hyperion.SimBeamline.Zebra;

namespace Hyperion.SimBeamline.Tests;

/// <summary>The twin's Zebra, wired as Hyperion wires it for rotations and grid scans, driven through dodal's devices.</summary>
public sealed class ZebraSimulationTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<ZebraTrigger> _triggers = new();
    private readonly ConcurrentQueue<bool> _shutter = new();
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private TwinPvs _pvs = null!;
    private Devices.Mx.Zebra.Zebra _zebra = null!;
    private Smargon _smargon = null!;
    private ZebraShutter _sampleShutter = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(20));
        _twin.Zebra.DetectorTriggered += _triggers.Enqueue;
        _twin.Zebra.AutoShutterChanged += _shutter.Enqueue;
        _client = _twin.CreateClient();
        _pvs = new TwinPvs(_twin, _client, Timeout);
        var beamline = I03Beamline.Create("s03", includeSimulatorAbsent: true);
        _zebra = beamline.Get<Devices.Mx.Zebra.Zebra>("zebra");
        _smargon = beamline.Get<Smargon>("smargon");
        _sampleShutter = beamline.Get<ZebraShutter>("sample_shutter");
        var options = new DeviceConnectOptions { PvClient = _client };
        await _zebra.ConnectAsync(options);
        await _smargon.ConnectAsync(options);
        await _sampleShutter.ConnectAsync(options);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public async Task Arming_the_position_compare_is_reported_on_pc_arm_out()
    {
        await _zebra.Pc.Arm.SetAsync(ArmDemand.Arm);
        Assert.Equal(1.0, await _zebra.Pc.Arm.Armed.GetValueAsync());
        Assert.True(_twin.Zebra.IsArmed);
        await _zebra.Pc.Arm.SetAsync(ArmDemand.Disarm);
        Assert.Equal(0.0, await _zebra.Pc.Arm.Armed.GetValueAsync());
    }

    [Fact]
    public async Task A_rotation_through_the_omega_gate_triggers_the_detector_once_and_opens_the_auto_shutter_while_inside()
    {
        // As Hyperion sets up a rotation: an omega position gate from 10° for 20°, one time pulse to the detector
        // (TTL 1), and the auto-shutter AND gate (AND2) = SOFT_IN1 and PC_GATE.
        await PutAsync("PC_ENC", 3);
        await PutAsync("PC_GATE_SEL", 0);
        await PutAsync("PC_DIR", 0);
        await PutAsync("PC_GATE_START", 10);
        await PutAsync("PC_GATE_WID", 20);
        await PutAsync("PC_GATE_NGATE", 1);
        await PutAsync("PC_PULSE_SEL", 1);
        await PutAsync("PC_PULSE_START", 0);
        await PutAsync("PC_PULSE_WID", 0.01);
        await PutAsync("PC_PULSE_STEP", 0.02);
        await PutAsync("PC_PULSE_MAX", 1);
        await PutAsync("OUT1_TTL", 31);
        await PutAsync("AND2_ENA", 3);
        await PutAsync("AND2_INP1", 60);
        await PutAsync("AND2_INP2", 30);
        await PutAsync("SOFT_IN:B0", 0);
        await _sampleShutter.ControlMode.SetAsync(ZebraShutterControl.Auto);
        await _zebra.Pc.Arm.SetAsync(ArmDemand.Arm);

        // 20°/s: the readback, updated every 0.1 s, passes through the 20° gate in ten steps.
        await _smargon.Omega.Velocity.SetAsync(20);
        await _smargon.Omega.MoveToAsync(40).WaitAsync(Timeout);

        // The gate opened (shutter true) and closed again (false after it).
        await Eventually(() => _shutter.SkipWhile(open => !open).Skip(1).Any() && !_triggers.IsEmpty);
        Assert.Equal([true, false], _shutter.ToArray()[^2..]);
        Assert.Single(_triggers);
        Assert.Equal(31, _triggers.Single().Source);
        Assert.False(_twin.Zebra.IsGateOpen);

        // The shutter's readback follows the gate through the shutter record, a moment after the gate closes.
        await _sampleShutter.PositionReadback.WaitForValueAsync(ZebraShutterState.Close, Timeout);
    }

    [Fact]
    public async Task In_auto_mode_the_shutter_position_follows_the_zebra_gate()
    {
        await _sampleShutter.ControlMode.SetAsync(ZebraShutterControl.Auto);
        await PutAsync("AND2_ENA", 1);
        await PutAsync("AND2_INP1", 61);
        await PutAsync("SOFT_IN:B1", 0);
        await _sampleShutter.PositionReadback.WaitForValueAsync(ZebraShutterState.Open, Timeout);
        await PutAsync("SOFT_IN:B1", 1);
        await _sampleShutter.PositionReadback.WaitForValueAsync(ZebraShutterState.Close, Timeout);
    }

    [Fact]
    public async Task A_grid_scan_triggers_the_detector_through_in3_once_per_point_with_the_point()
    {
        await PutAsync("OUT1_TTL", 7);
        var grid = _twin.GridScan;
        var fgs = new TwinPvWriter(_twin.Records, "BL03S-MO-SGON-01:FGS:");
        foreach (var (name, value) in new[] { ("X_NUM_STEPS", 3.0), ("Y_NUM_STEPS", 2.0), ("Z_NUM_STEPS", 0.0), ("X_STEP_SIZE", 0.02), ("Y_STEP_SIZE", 0.02), ("DWELL_TIME", 10.0) })
        {
            await fgs.SetAsync(name, value);
        }

        var run = _client.Channel("BL03S-MO-SGON-01:FGS:RUN.PROC");
        await run.WaitForConnectionAsync(Timeout);
        await run.PutAsync(DbrValue.Of(1));
        await Eventually(() => _triggers.Count >= 6);
        var points = _triggers.Select(t => Assert.IsType<GridPointTrigger>(t.Context)).ToList();
        Assert.Equal([0, 1, 2, 3, 4, 5], points.Select(p => p.Index));
        Assert.All(_triggers, t => Assert.Equal(7, t.Source));
        Assert.Null(grid.LastError);
    }

    private Task PutAsync(string suffix, double value) => _pvs.PutAsync("BL03S-EA-ZEBRA-01:" + suffix, value);

    private Task Eventually(Func<bool> condition) => _pvs.WaitForAsync(
        condition,
        "the Zebra",
        () => $"shutter levels [{string.Join(", ", _shutter)}], {_triggers.Count} trigger(s), zebra error {_twin.Zebra.LastError?.Message}");
}
