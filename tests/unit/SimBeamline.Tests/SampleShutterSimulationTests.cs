using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Zebra;

namespace Hyperion.SimBeamline.Tests;

public sealed class SampleShutterSimulationTests : IAsyncLifetime
{
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private ZebraShutter _shutter = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03");
        _client = _twin.CreateClient();
        _shutter = I03Beamline.Create("s03", includeSimulatorAbsent: true).Get<ZebraShutter>("sample_shutter");
        await _shutter.ConnectAsync(new DeviceConnectOptions { PvClient = _client });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public async Task In_manual_mode_the_shutter_opens_and_closes_on_demand()
    {
        await _shutter.Set(ZebraShutterState.Open).Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(ZebraShutterState.Open, await _shutter.PositionReadback.GetValueAsync());
        await _shutter.Set(ZebraShutterState.Close).Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(ZebraShutterState.Close, await _shutter.PositionReadback.GetValueAsync());
    }
}
