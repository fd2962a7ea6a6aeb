using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Robot;
using Hyperion.SimBeamline.Clock;

namespace Hyperion.SimBeamline.Tests;

/// <summary>dodal's BartRobot loading pins on the twin, in-process, with the twin's clock at 100× real time.</summary>
public sealed class RobotSimulationTests : IAsyncLifetime
{
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private BartRobot _robot = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(100));
        _client = _twin.CreateClient();
        _robot = I03Beamline.Create("s03").Get<BartRobot>("robot");
        await _robot.ConnectAsync(new DeviceConnectOptions { PvClient = _client, Timeout = TimeSpan.FromSeconds(10) });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public async Task Loading_a_pin_mounts_it_and_reports_where_it_came_from()
    {
        await _robot.NextSampleId.SetAsync(4711);
        await _robot.SetAsync(new SampleLocation(3, 7)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(PinMounted.PinMounted, await _robot.GonioPinSensor.GetValueAsync());
        Assert.Equal((3.0, 7.0), (await _robot.CurrentPuck.GetValueAsync(), await _robot.CurrentPin.GetValueAsync()));
        Assert.Equal(4711, await _robot.SampleId.GetValueAsync());
        Assert.Equal("SIM0307", await _robot.Barcode.GetValueAsync());
        Assert.False(await _robot.ProgramRunning.GetValueAsync());
    }

    [Fact]
    public async Task Loading_a_second_pin_unloads_the_first()
    {
        await _robot.SetAsync(new SampleLocation(1, 1)).WaitAsync(TimeSpan.FromSeconds(30));
        await _robot.SetAsync(new SampleLocation(1, 2)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2.0, await _robot.CurrentPin.GetValueAsync());
    }

    [Fact]
    public async Task An_empty_position_fails_the_load_with_dodals_no_pin_error()
    {
        _twin.Robot.EmptyPositions.Add((2, 9));
        var error = await Assert.ThrowsAsync<RobotLoadFailedException>(() => _robot.SetAsync(new SampleLocation(2, 9)).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(25, error.ErrorCode);
        Assert.Equal(PinMounted.NoPinMounted, await _robot.GonioPinSensor.GetValueAsync());
    }

    [Fact]
    public async Task A_tripped_light_curtain_is_reset_by_the_load_sequence()
    {
        await _twin.Robot.TripLightCurtainAsync();
        Assert.Equal(40, await _robot.ControllerError.Code.GetValueAsync());
        await _robot.SetAsync(new SampleLocation(4, 1)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, await _robot.ControllerError.Code.GetValueAsync());
        Assert.Equal(PinMounted.PinMounted, await _robot.GonioPinSensor.GetValueAsync());
    }
}
