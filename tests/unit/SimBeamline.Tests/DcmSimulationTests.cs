using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Beam;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Clock;

namespace Hyperion.SimBeamline.Tests;

public sealed class DcmSimulationTests : IAsyncLifetime
{
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private Dcm _dcm = null!;

    public async Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(50));
        _client = _twin.CreateClient();
        _dcm = I03Beamline.Create("s03").Get<Dcm>("dcm");
        await _dcm.ConnectAsync(new DeviceConnectOptions { PvClient = _client });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public void The_bragg_angle_of_12_7_kev_on_si_111_is_8_956_degrees() =>
        Assert.Equal(8.9558, DcmSimulation.BraggDegrees(12.7), 4);

    [Fact]
    public async Task The_twin_starts_at_12_7_kev_with_its_wavelength()
    {
        Assert.Equal(12.7, await _dcm.EnergyInKeV.UserReadback.GetValueAsync(), 6);
        await _dcm.WavelengthInA.UserReadback.WaitForValueAsync(v => Math.Abs(v - 0.9763) < 1e-3, TimeSpan.FromSeconds(30), "λ for 12.7 keV");
    }

    [Fact]
    public async Task Moving_the_energy_moves_wavelength_and_bragg_with_it()
    {
        await _dcm.EnergyInKeV.MoveToAsync(12.7).WaitAsync(TimeSpan.FromSeconds(30));
        var wavelength = await _dcm.WavelengthInA.UserReadback.WaitForValueAsync(v => Math.Abs(v - (12.398419843320026 / 12.7)) < 1e-3, TimeSpan.FromSeconds(30), "λ for 12.7 keV");
        var bragg = await _dcm.BraggInDegrees.UserReadback.WaitForValueAsync(v => Math.Abs(v - DcmSimulation.BraggDegrees(12.7)) < 1e-3, TimeSpan.FromSeconds(30), "θ for 12.7 keV");
        Assert.Equal(0.9763, wavelength, 3);
        Assert.Equal(8.956, bragg, 2);
        Assert.Equal(12700, await _dcm.EnergyInEV.GetValueAsync(), 1);
        Assert.Equal(3.1356, await _dcm.CrystalMetadataDSpacingA.GetValueAsync(), 4);
    }
}
