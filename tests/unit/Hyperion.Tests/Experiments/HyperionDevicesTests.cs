using Hyperion.Cli.Experiments;

namespace Hyperion.Cli.Tests.Experiments;

public sealed class HyperionDevicesTests
{
    [Fact]
    public async Task Mock_devices_connect_and_keep_dodal_names()
    {
        var devices = await HyperionDevices.CreateMockAsync();

        Assert.Equal("smargon", devices.Smargon.Name);
        Assert.Equal("smargon-x", devices.Smargon.X.Name);
        Assert.Equal("zebra_fast_grid_scan", devices.ZebraFastGridScan.Name);
        Assert.Equal(devices.All.Count, devices.All.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(devices.All, d => d.Name == "eiger");
    }
}
