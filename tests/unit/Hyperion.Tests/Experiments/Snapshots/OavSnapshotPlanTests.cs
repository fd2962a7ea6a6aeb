using Hyperion.Cli.Experiments.Snapshots;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Simulation;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;
using static Hyperion.Engine.Simulation.MessageAssertions;

namespace Hyperion.Cli.Tests.Experiments.Snapshots;

public sealed class OavSnapshotPlanTests
{
    [Theory]
    [InlineData(0, "13040512_oav_snapshot_0")]
    [InlineData(90.4, "13040512_oav_snapshot_90")]
    [InlineData(270, "13040512_oav_snapshot_270")]
    public void Snapshot_files_are_named_by_time_to_the_hundredth_and_omega(double omega, string expected)
    {
        var now = new DateTime(2024, 5, 1, 13, 4, 5, 123, DateTimeKind.Local);

        Assert.Equal(expected, OavSnapshotPlan.SnapshotFilename(omega, now));
    }

    [Theory]
    [InlineData(7.5, "7.5x")]
    [InlineData(1, "1.0x")]
    [InlineData(10, "10.0x")]
    public void Zoom_levels_are_written_as_python_floats(double zoom, string expected) =>
        Assert.Equal(expected, new OavSnapshotParameters(Zoom: zoom).ZoomLevel);

    [Fact]
    public async Task Fresh_snapshots_set_up_the_camera_and_directory_first()
    {
        var devices = await DevicesAsync();
        var parameters = SingleRotation();
        var messages = new RunEngineSimulator().SimulatePlan(
            OavSnapshotPlan.Run(devices.Oav, devices.Smargon, parameters, new OavSnapshotParameters()));

        var rest = AssertMessageAndReturnRemaining(messages, m => IsSet(m, devices.Oav.Cam.ColorMode, Hyperion.Devices.Mx.Oav.ColorMode.Rgb1), group: "ready_for_oav");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Oav.Cam.AcquireTime, 0.075), group: "ready_for_oav");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Oav.ZoomController, "7.5x"));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Oav.Snapshot.Directory, parameters.SnapshotDirectory));
        Assert.Equal(4, rest.Count(m => m.Command == Commands.Save));
    }
}
