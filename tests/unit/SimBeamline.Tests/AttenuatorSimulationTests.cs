using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Optics;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Clock;

namespace Hyperion.SimBeamline.Tests;

public sealed class AttenuatorSimulationTests : IAsyncLifetime
{
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private BinaryFilterAttenuator _attenuator = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(20));
        _client = _twin.CreateClient();
        _attenuator = I03Beamline.Create("s03").Get<BinaryFilterAttenuator>("attenuator");
        await _attenuator.ConnectAsync(new DeviceConnectOptions { PvClient = _client });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Theory]
    [InlineData(1.0, 0)]
    [InlineData(0.5, 10)]
    [InlineData(0.1, 34)]
    public void The_foils_for_a_transmission_are_the_nearest_multiple_of_25_um(double transmission, int bits) =>
        Assert.Equal(bits, AttenuatorSimulation.FiltersFor(transmission, 12.7));

    [Fact]
    public async Task Setting_a_transmission_moves_the_foils_and_reports_the_transmission_reached()
    {
        await _attenuator.SetAsync(0.1).WaitAsync(TimeSpan.FromSeconds(30));
        var reached = await _attenuator.ActualTransmission.WaitForValueAsync(v => v > 0 && v < 1, TimeSpan.FromSeconds(10), "a transmission");
        Assert.InRange(reached, 0.09, 0.11);
        Assert.Equal(AttenuatorSimulation.Transmission(34, 12.7), reached, 6);
    }
}
