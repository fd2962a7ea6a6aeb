using Hyperion.Cli.Sim;

namespace Hyperion.Cli.Tests.Sim;

public sealed class TwinEnvironmentTests
{
    [Theory]
    [InlineData(PvTransport.InProcess)]
    [InlineData(PvTransport.ChannelAccess)]
    public async Task Every_device_connects_to_the_twin_and_reads_its_state(PvTransport transport)
    {
        await using var environment = await TwinEnvironment.StartAsync(new TwinEnvironmentOptions { PvTransport = transport, Speed = 10 });

        Assert.Equal(transport == PvTransport.ChannelAccess, environment.CaServer is not null);
        Assert.Equal("smargon", environment.Devices.Smargon.Name);
        var xOnTwin = environment.Twin.Records.Find("BL03S-MO-SGON-01:X.RBV")!.Read().GetDouble();
        var x = await environment.Devices.Smargon.X.UserReadback.GetValueAsync();
        Assert.Equal(xOnTwin, x, 6);
        Assert.True(environment.Devices.Zocalo.Name == "zocalo");
    }
}
