using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.InProcess;
using Hyperion.ChannelAccess.Pv;
using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.Tests.Client.Fakes;
using Hyperion.ChannelAccess.Tests.Server;
using Eventually = Hyperion.ChannelAccess.Tests.Server.Eventually;

namespace Hyperion.ChannelAccess.Tests.Withdrawal;

/// <summary>A provider withdrawing PVs (an IOC outage) disconnects channels, which come back with their monitors.</summary>
public sealed class PvWithdrawalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task In_process_channels_disconnect_when_withdrawn_and_resume_their_monitors_when_back()
    {
        var pvs = TestPvs.Create();
        var provider = new WithdrawingProvider(pvs);
        await using var client = new InProcessPvClient(provider, new InProcessPvClientOptions { SearchPeriod = TimeSpan.FromMilliseconds(20) });
        await AssertDisconnectsAndComesBackAsync(client, provider, pvs);
    }

    [Fact]
    public async Task Ca_channels_get_server_disconn_when_withdrawn_and_resume_their_monitors_when_back()
    {
        var pvs = TestPvs.Create();
        var provider = new WithdrawingProvider(pvs);
        await using var server = new CaServer(provider, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
        await server.StartAsync();
        await using var client = new CaClient(new CaClientOptions
        {
            AddressList = [$"127.0.0.1:{server.UdpPort}"],
            AutoAddressList = false,
            RegisterWithRepeater = false,
        });
        await AssertDisconnectsAndComesBackAsync(client, provider, pvs);
    }

    [Fact]
    public async Task Channels_to_other_pvs_stay_connected()
    {
        var pvs = TestPvs.Create();
        var provider = new WithdrawingProvider(pvs);
        await using var client = new InProcessPvClient(provider);
        var kept = client.Channel("TEST:LONG");
        var lost = client.Channel("TEST:DOUBLE");
        await kept.WaitForConnectionAsync(Timeout);
        await lost.WaitForConnectionAsync(Timeout);

        provider.TakeDown("TEST:DOUBLE");

        Assert.Equal(PvConnectionState.Disconnected, lost.State);
        Assert.Equal(PvConnectionState.Connected, kept.State);
        Assert.Equal(42, (await kept.GetAsync()).GetDouble());
        var failure = await Assert.ThrowsAsync<PvException>(async () => await lost.GetAsync());
        Assert.Equal(Eca.Disconn, failure.Status);
    }

    private static async Task AssertDisconnectsAndComesBackAsync(IPvClient client, WithdrawingProvider provider, InMemoryPvProvider pvs)
    {
        var channel = client.Channel("TEST:DOUBLE");
        var states = new AsyncQueue<PvConnectionState>();
        channel.StateChanged += (_, state) => states.Add(state);
        await channel.WaitForConnectionAsync(Timeout);
        var updates = new AsyncQueue<DbrValue>();
        await using var monitor = channel.Subscribe(updates.Add);
        Assert.Equal(3.14159, (await updates.NextAsync()).GetDouble(), 5);

        provider.TakeDown("TEST:");
        await Eventually.TrueAsync(() => channel.State == PvConnectionState.Disconnected, Timeout, "the channel did not disconnect");

        // A change while the PV is gone reaches nobody; the monitor resumes with the value current at reconnection.
        ((SoftPv)pvs["TEST:DOUBLE"]).SetValue(2.5);
        provider.BringBack();
        await channel.WaitForConnectionAsync(Timeout);
        Assert.Equal(2.5, (await updates.NextAsync()).GetDouble());
        ((SoftPv)pvs["TEST:DOUBLE"]).SetValue(7.0);
        Assert.Equal(7.0, (await updates.NextAsync()).GetDouble());
        await Eventually.TrueAsync(() => states.History.Contains(PvConnectionState.Disconnected) && states.History[^1] == PvConnectionState.Connected, Timeout);
    }
}
