using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Contract;

/// <summary>The IPvClient contract, with our CA client talking to our CA server over loopback.</summary>
public sealed class CaClientAgainstCaServerContractTests : PvClientContractTests
{
    /// <inheritdoc />
    protected override async Task<ContractSetup> CreateAsync()
    {
        CaServer? server = null;
        var source = new ProviderPvSource(async () =>
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        });
        server = new CaServer(source, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
        await server.StartAsync();
        var client = new CaClient(new CaClientOptions
        {
            AddressList = [$"127.0.0.1:{server.UdpPort}"],
            AutoAddressList = false,
            RegisterWithRepeater = false,
        });
        return new ContractSetup(client, source);
    }
}
