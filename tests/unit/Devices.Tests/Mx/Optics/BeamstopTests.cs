using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Optics;

namespace Hyperion.Devices.Tests.Mx.Optics;

public class BeamstopTests
{
    private static readonly string ParametersFile = Path.Combine(
        Path.GetDirectoryName(Folder())!, "Aperture", "TestData", "beamlineParameters");

    private static string Folder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static async Task<Beamstop> MockBeamstopAsync()
    {
        var beamstop = new Beamstop("BL03I-MO-BS-01:", await BeamlineParameters.FromFileAsync(ParametersFile), "beamstop");
        await beamstop.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return beamstop;
    }

    [Fact]
    public void The_axes_use_dodals_pvs()
    {
        var beamstop = new Beamstop("BL03I-MO-BS-01:", BeamlineParameters.Parse("in_beam_x_STANDARD=1\nin_beam_y_STANDARD=1\nin_beam_z_STANDARD=1\nbs_x_tolerance=1\nbs_y_tolerance=1\nbs_z_tolerance=1\n"), "beamstop");
        Assert.Equal("BL03I-MO-BS-01:X.RBV", ((PvSignalBackend<double>)beamstop.XMm.UserReadback.Backend).ReadPv);
        Assert.Equal("BL03I-MO-BS-01:Y.RBV", ((PvSignalBackend<double>)beamstop.YMm.UserReadback.Backend).ReadPv);
        Assert.Equal("BL03I-MO-BS-01:Z.RBV", ((PvSignalBackend<double>)beamstop.ZMm.UserReadback.Backend).ReadPv);
    }

    [Theory]
    [InlineData(1.52, 44.78, 30.0, BeamstopPositions.DataCollection)]
    [InlineData(1.535, 44.783, 30.25, BeamstopPositions.DataCollection)]
    [InlineData(1.55, 44.78, 30.0, BeamstopPositions.Unknown)]
    [InlineData(1.52, 44.79, 30.0, BeamstopPositions.Unknown)]
    [InlineData(1.52, 44.78, 29.6, BeamstopPositions.Unknown)]
    public async Task The_selected_position_is_data_collection_only_within_tolerance_on_every_axis(double x, double y, double z, BeamstopPositions expected)
    {
        var beamstop = await MockBeamstopAsync();
        beamstop.XMm.UserReadback.Mock!.SetValue(x);
        beamstop.YMm.UserReadback.Mock!.SetValue(y);
        beamstop.ZMm.UserReadback.Mock!.SetValue(z);
        Assert.Equal(expected, await beamstop.SelectedPos.GetValueAsync());
    }

    [Fact]
    public async Task Setting_data_collection_moves_every_axis_in_beam()
    {
        var beamstop = await MockBeamstopAsync();
        await beamstop.SelectedPos.SetAsync(BeamstopPositions.DataCollection);
        Assert.Equal(1.52, await beamstop.XMm.UserReadback.GetValueAsync());
        Assert.Equal(44.78, await beamstop.YMm.UserReadback.GetValueAsync());
        Assert.Equal(30.0, await beamstop.ZMm.UserReadback.GetValueAsync());
        var reading = await beamstop.ReadAsync();
        Assert.Equal("Data Collection", reading["beamstop-selected_pos"].Value);
        Assert.Equal(["beamstop-x_mm", "beamstop-y_mm", "beamstop-z_mm", "beamstop-selected_pos"], reading.Keys);
    }

    [Fact]
    public async Task Setting_unknown_is_refused()
    {
        var beamstop = await MockBeamstopAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => beamstop.SelectedPos.SetAsync(BeamstopPositions.Unknown));
        Assert.StartsWith("Cannot set beamstop to position Unknown", error.Message, StringComparison.Ordinal);
        Assert.Empty(beamstop.XMm.UserSetpoint.Mock!.Puts);
    }
}
