using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Sample;

namespace Hyperion.Devices.Tests.Mx.Sample;

public class BatonTests
{
    [Fact]
    public async Task The_baton_reads_users_and_commissioning_uncached_and_hinted()
    {
        var baton = new Baton("BL03I-CS-BATON-01:", "baton");
        Assert.Equal("BL03I-CS-BATON-01:REQUESTED_USER", ((PvSignalBackend<string>)baton.RequestedUser.Backend).WritePv);
        Assert.Equal("BL03I-CS-BATON-01:CURRENT_USER", ((PvSignalBackend<string>)baton.CurrentUser.Backend).ReadPv);
        Assert.Equal("BL03I-CS-BATON-01:COMMISSIONING", ((PvSignalBackend<bool>)baton.Commissioning.Backend).ReadPv);
        await baton.ConnectAsync(new DeviceConnectOptions { Mock = true });
        baton.RequestedUser.Mock!.SetValue("Hyperion");
        baton.Commissioning.Mock!.SetValue(true);
        await baton.Stage();
        Assert.False(baton.Commissioning.IsCached);
        var reading = await baton.ReadAsync();
        Assert.Equal("Hyperion", reading["baton-requested_user"].Value);
        Assert.Equal(true, reading["baton-commissioning"].Value);
        Assert.Equal(["baton-requested_user", "baton-current_user", "baton-commissioning"], baton.Hints.Fields);
    }
}
