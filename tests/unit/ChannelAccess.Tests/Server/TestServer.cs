using System.Net;
using System.Net.Sockets;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>A <see cref="CaServer"/> on free loopback ports serving <see cref="TestPvs"/>, for socket tests.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private TestServer(InMemoryPvProvider provider, CaServer server)
    {
        Provider = provider;
        Server = server;
    }

    public InMemoryPvProvider Provider { get; }

    public CaServer Server { get; }

    public int Port => Server.TcpPort;

    public SoftPv Soft(string name) => (SoftPv)Provider[name];

    public static async Task<TestServer> StartAsync(InMemoryPvProvider? provider = null, CaServerOptions? options = null, TimeProvider? time = null)
    {
        provider ??= TestPvs.Create();
        var server = new CaServer(provider, options ?? new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false }, timeProvider: time);
        await server.StartAsync();
        return new TestServer(provider, server);
    }

    public Task<RawCaClient> ConnectAsync(bool handshake = true, string user = "tester") => RawCaClient.ConnectAsync(Port, handshake, user);

    /// <summary>Sends a datagram to the search port and returns the first reply datagram.</summary>
    public async Task<byte[]> SearchAsync(byte[] datagram, TimeSpan? timeout = null)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await udp.SendAsync(datagram, new IPEndPoint(IPAddress.Loopback, Server.UdpPort));
        using var cancel = new CancellationTokenSource(timeout ?? RawCaClient.DefaultTimeout);
        var result = await udp.ReceiveAsync(cancel.Token);
        return result.Buffer;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
