using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Robot;
using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Clock;
using Hyperion.SimBeamline.Tests.Diffraction;

namespace Hyperion.SimBeamline.Tests;

/// <summary>The smargon's coordinate system on the twin: stub offsets, real motors, omega, and the robot's interlock.</summary>
public sealed class SmargonSimulationTests : IAsyncLifetime
{
    private const string Sgon = "BL03S-MO-SGON-01:";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private TwinPvs _pvs = null!;
    private Smargon _smargon = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(20));
        _client = _twin.CreateClient();
        _pvs = new TwinPvs(_twin, _client, Timeout);
        _smargon = I03Beamline.Create("s03").Get<Smargon>("smargon");
        await _smargon.ConnectAsync(new DeviceConnectOptions { PvClient = _client, Timeout = Timeout });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public async Task Centring_the_stubs_zeroes_x_y_z_without_moving_the_sample()
    {
        await _smargon.SetAsync(new CombinedMove { X = 0.5, Y = 0.3, Z = -0.2 }).WaitAsync(Timeout);
        var before = _twin.Smargon.PhysicalStage();

        await _smargon.StubOffsets.SetAsync(StubPosition.CurrentAsCenter).WaitAsync(Timeout);

        Assert.Equal(0, await _smargon.X.UserReadback.GetValueAsync(), 6);
        Assert.Equal(0, await _smargon.Y.UserReadback.GetValueAsync(), 6);
        Assert.Equal(0, await _smargon.Z.UserReadback.GetValueAsync(), 6);
        Assert.Equal(before, _twin.Smargon.PhysicalStage());
        await _pvs.WaitForAsync(() => Math.Abs(_pvs.Read(Sgon + "MOTOR_3.RBV") - 0.5) < 1e-3, "real_x1 to follow x");
        Assert.Equal(0.5, await _smargon.RealX2.UserReadback.GetValueAsync(), 3);
        Assert.Equal(0.3, await _smargon.RealY.UserReadback.GetValueAsync(), 3);
        Assert.Equal(-0.2, await _smargon.RealZ.UserReadback.GetValueAsync(), 3);
    }

    [Fact]
    public async Task After_centring_a_move_is_relative_to_the_centre_and_the_robot_load_reset_restores_the_coordinates()
    {
        await _smargon.X.MoveToAsync(0.5).WaitAsync(Timeout);
        await _smargon.StubOffsets.SetAsync(StubPosition.CurrentAsCenter).WaitAsync(Timeout);
        await _smargon.X.MoveToAsync(0.1).WaitAsync(Timeout);

        Assert.Equal(0.6, _twin.Smargon.PhysicalStage().X, 6);
        await _pvs.WaitForAsync(() => Math.Abs(_pvs.Read(Sgon + "MOTOR_4.RBV") - 0.6) < 1e-3, "real_x2 to follow x");

        await _smargon.StubOffsets.SetAsync(StubPosition.ResetToRobotLoad).WaitAsync(Timeout);
        await _pvs.WaitForAsync(() => Math.Abs(_pvs.Read(Sgon + "X.RBV") - 0.6) < 1e-6, "x to read the goniometer's coordinate");
        Assert.Equal(0.6, _twin.Smargon.PhysicalStage().X, 6);
    }

    [Fact]
    public async Task The_camera_and_the_detector_see_the_sample_where_it_is_not_where_x_reads()
    {
        await _smargon.X.MoveToAsync(0.2).WaitAsync(Timeout);
        await _smargon.StubOffsets.SetAsync(StubPosition.CurrentAsCenter).WaitAsync(Timeout);
        // A frame from the end of the move (the camera renders while it runs), and it stays there with x reading 0.
        var frame = await _twin.Oav.WaitForFrameAsync(f => Math.Abs(f.View.StageMm.X - 0.2) < 1e-6).WaitAsync(Timeout);
        Assert.Equal(0.2, frame.View.StageMm.X, 6);
        Assert.Equal(0.2, _twin.Smargon.ToPhysical(new Vector3D(0, 0, 0)).X, 6);
    }

    [Fact]
    public void The_stages_ride_on_omega_so_a_y_move_is_vertical_at_0_degrees_and_along_the_beam_at_90()
    {
        var renderer = Thaumatin.Renderer;
        double Lit(double omega, double dy) =>
            renderer.Predict(Thaumatin.Still(omega) with { StagePositionMm = Thaumatin.Centred + new Vector3D(0, dy, 0) }).IlluminatedFraction;

        // 60 µm up takes the crystal out of a 20 µm-high beam at omega 0; at 90° the same move runs along the beam.
        Assert.True(Lit(0, 0.06) < 0.01 * Lit(0, 0), $"{Lit(0, 0.06)} of the crystal still lit after a 60 µm y move at omega 0");
        Assert.Equal(Lit(90, 0), Lit(90, 0.06), 3);
    }

    [Fact]
    public async Task The_smargon_is_disabled_while_the_robot_holds_the_goniometer()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<double>();
        using var subscription = _twin.Records.Find(Sgon + "DISABLED")!.Subscribe(v => seen.Enqueue(v.Value.GetDouble()));
        var robot = I03Beamline.Create("s03").Get<BartRobot>("robot");
        await robot.ConnectAsync(new DeviceConnectOptions { PvClient = _client, Timeout = Timeout });

        await robot.SetAsync(new SampleLocation(2, 3)).WaitAsync(TimeSpan.FromSeconds(60));

        await _pvs.WaitForAsync(() => _pvs.Read(Sgon + "DISABLED") == 0 && seen.Contains(1), "the smargon disabled, then enabled again");
        Assert.Equal(0, await _smargon.Disabled.GetValueAsync());
        Assert.Equal(0, _pvs.Read(Sgon + "CENTER_CS.DISP"));
    }

    [Fact]
    public async Task While_disabled_the_stub_offsets_wait_as_dodal_waits()
    {
        _twin.Smargon.SetDisabled(true);
        await _pvs.WaitForAsync(() => _pvs.Read(Sgon + "CENTER_CS.DISP") == 1, "CENTER_CS disabled");
        await _smargon.X.MoveToAsync(0.4).WaitAsync(Timeout);
        var centring = _smargon.StubOffsets.SetAsync(StubPosition.CurrentAsCenter);
        await Task.Delay(200);
        Assert.False(centring.IsCompleted);
        Assert.Equal(0.4, _pvs.Read(Sgon + "X.RBV"), 6);

        _twin.Smargon.SetDisabled(false);
        await centring.WaitAsync(Timeout);
        Assert.Equal(0, _pvs.Read(Sgon + "X.RBV"), 6);
    }
}
