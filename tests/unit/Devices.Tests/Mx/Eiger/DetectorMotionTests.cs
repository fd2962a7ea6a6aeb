using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Eiger;

namespace Hyperion.Devices.Tests.Mx.Eiger;

public class DetectorMotionTests
{
    private static DetectorMotion Create() => new("BL03I-MO-DET-01:", "BL03I-MO-PMAC-02:", "detector_motion");

    [Fact]
    public void Signals_use_dodals_pvs_and_names()
    {
        var motion = Create();
        Assert.Equal("BL03I-MO-DET-01:Z.VAL", ((PvSignalBackend<double>)motion.Z.UserSetpoint.Backend).WritePv);
        Assert.Equal("BL03I-MO-DET-01:UPSTREAMX.RBV", ((PvSignalBackend<double>)motion.UpstreamX.UserReadback.Backend).ReadPv);
        Assert.Equal("BL03I-MO-DET-01:DOWNSTREAMX.RBV", ((PvSignalBackend<double>)motion.DownstreamX.UserReadback.Backend).ReadPv);
        Assert.Equal("BL03I-MO-DET-01:YAW.RBV", ((PvSignalBackend<double>)motion.Yaw.UserReadback.Backend).ReadPv);
        var shutter = (PvSignalBackend<ShutterState>)motion.Shutter.Backend;
        Assert.Equal(("BL03I-MO-DET-01:SET_SHUTTER_STATE", "BL03I-MO-DET-01:SET_SHUTTER_STATE"), (shutter.WritePv, shutter.ReadPv));
        Assert.Equal("BL03I-MO-DET-01:CLOSE_LIMIT", ((PvSignalBackend<double>)motion.ShutterClosedLim.Backend).ReadPv);
        Assert.Equal("BL03I-MO-DET-01:OPEN_LIMIT", ((PvSignalBackend<double>)motion.ShutterOpenLim.Backend).ReadPv);
        Assert.Equal("BL03I-MO-DET-01:Z:DISABLED", ((PvSignalBackend<double>)motion.ZDisabled.Backend).ReadPv);
        Assert.Equal("BL03I-MO-PMAC-02:CRATE2_HEALTHY", ((PvSignalBackend<double>)motion.CratePower.Backend).ReadPv);
        Assert.Equal("BL03I-MO-PMAC-02:GPIO_INP_BITS.B2", ((PvSignalBackend<int>)motion.InRobotLoadSafePosition.Backend).ReadPv);
        Assert.Equal("detector_motion-upstream_x", motion.UpstreamX.Name);
        Assert.Equal("detector_motion-z_disabled", motion.ZDisabled.Name);
        Assert.Equal("detector_motion-in_robot_load_safe_position", motion.InRobotLoadSafePosition.Name);
        Assert.Equal("detector_motion-shutter_closed_lim", motion.ShutterClosedLim.Name);
    }

    [Fact]
    public async Task It_reads_and_hints_x_y_and_z_only()
    {
        var motion = Create();
        await motion.ConnectAsync(new DeviceConnectOptions { Mock = true });
        motion.Z.UserReadback.Mock!.SetValue(250);
        var reading = await motion.ReadAsync();
        Assert.Equal(["detector_motion-x", "detector_motion-y", "detector_motion-z"], reading.Keys.Order());
        Assert.Equal(250.0, reading["detector_motion-z"].Value);
        Assert.Equal(["detector_motion-x", "detector_motion-y", "detector_motion-z"], motion.Hints.Fields!.Order());
    }

    [Fact]
    public async Task Plans_open_the_shutter_by_label_and_move_z()
    {
        var motion = Create();
        await motion.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await motion.Shutter.Set(ShutterState.Open);
        Assert.Equal(ShutterState.Open, Assert.Single(motion.Shutter.Mock!.Puts).Value);
        Assert.Equal("Open", (await motion.Shutter.ReadAsync())["detector_motion-shutter"].Value);
        await motion.Z.Set(300.0);
        Assert.Equal(300.0, await motion.Z.UserReadback.GetValueAsync());
    }
}
