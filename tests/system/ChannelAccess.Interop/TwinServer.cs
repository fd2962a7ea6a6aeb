using Hyperion.ChannelAccess.Server;
using Hyperion.SimBeamline;

namespace Hyperion.ChannelAccess.Interop.Tests;

/// <summary>The s03 twin served on a free loopback port, with a libca peer pointed at it.</summary>
public sealed class TwinServer : IAsyncLifetime
{
    private CaServer _server = null!;

    public SimulatedBeamline Twin { get; private set; } = null!;

    public PyEpicsPeer Peer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Twin = SimulatedBeamline.Create("s03");
        _server = new CaServer(Twin.Provider, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
        await _server.StartAsync();
        Peer = await PyEpicsPeer.StartAsync(_server.UdpPort);
    }

    public async Task DisposeAsync()
    {
        await Peer.DisposeAsync();
        await _server.DisposeAsync();
        await Twin.DisposeAsync();
    }
}
