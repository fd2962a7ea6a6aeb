using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.SimBeamline.Tests;

/// <summary>A twin's PVs served over Channel Access on a free loopback port, with a client that searches only there.</summary>
public sealed class TwinOverCa : IAsyncDisposable
{
    private TwinOverCa(CaServer server, CaClient client)
    {
        Server = server;
        Client = client;
    }

    public CaServer Server { get; }

    public CaClient Client { get; }

    public static async Task<TwinOverCa> StartAsync(SimulatedBeamline twin)
    {
        var server = new CaServer(twin.Provider, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
        await server.StartAsync();
        var client = new CaClient(new CaClientOptions { AddressList = [$"127.0.0.1:{server.UdpPort}"], AutoAddressList = false, RegisterWithRepeater = false });
        return new TwinOverCa(server, client);
    }

    /// <summary>Closes the client, then the server (the twin stays with its owner).</summary>
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
