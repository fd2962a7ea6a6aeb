using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Messages;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.Benchmarks;

/// <summary>
/// The Channel Access server over loopback TCP, driven by a bare socket peer that pipelines raw requests (so the
/// figure is the server's and the kernel's, not a client library's): gets and puts of a DBR_DOUBLE and gets of a
/// 1,000,000-element waveform. Run with <c>-- --filter *CaServerLoopback*</c>.
/// </summary>
[MemoryDiagnoser]
public class CaServerLoopbackBenchmarks
{
    private const int Requests = 10_000;
    private const int WaveformElements = 1_000_000;

    private readonly byte[] _receive = new byte[1 << 20];
    private CaServer _server = null!;
    private Socket _socket = null!;
    private byte[] _gets = [];
    private byte[] _puts = [];
    private byte[] _waveformGet = [];

    /// <summary>Starts the server and connects the peer with two channels.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        var provider = new InMemoryPvProvider();
        provider.AddSoft("BENCH:DOUBLE", DbrValue.Of(1.5));
        provider.AddSoft("BENCH:WAVEFORM", DbrValue.Of(new double[WaveformElements]));
        _server = new CaServer(provider, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false });
        await _server.StartAsync();
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await _socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _server.TcpPort));
        await SendAsync([.. new VersionRequest(0, CaProtocol.MinorVersion).ToBytes(),
            .. new CreateChanRequest("BENCH:DOUBLE", 1, CaProtocol.MinorVersion).ToBytes(),
            .. new CreateChanRequest("BENCH:WAVEFORM", 2, CaProtocol.MinorVersion).ToBytes()]);
        await ReceiveAsync(16 + (2 * 32));
        _gets = new byte[Requests * 16];
        _puts = new byte[(Requests * 24) + 16];
        for (var i = 0; i < Requests; i++)
        {
            new ReadNotifyRequest((ushort)DbrType.Double, 1, 1, (uint)i).Encode(_gets.AsSpan(i * 16));
            WriteRequest.For(DbrType.Double, DbrValue.Of((double)i), 1, (uint)i).Encode(_puts.AsSpan(i * 24));
        }

        // The puts end with an ECHO: its answer says every put before it was handled.
        new EchoMessage().Encode(_puts.AsSpan(Requests * 24));
        _waveformGet = new ReadNotifyRequest((ushort)DbrType.Double, 0, 2, 1).ToBytes();
    }

    /// <summary>Disconnects and stops the server.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _socket.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>10,000 pipelined READ_NOTIFY of a DBR_DOUBLE and their 24-byte replies.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public async Task PipelinedGets()
    {
        var replies = ReceiveAsync(Requests * 24);
        await SendAsync(_gets);
        await replies;
    }

    /// <summary>10,000 pipelined WRITE of a DBR_DOUBLE (then an ECHO to know they are done).</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public async Task PipelinedPuts()
    {
        var echo = ReceiveAsync(16);
        await SendAsync(_puts);
        await echo;
    }

    /// <summary>One get of the whole 1,000,000-element (8 MB) waveform.</summary>
    [Benchmark]
    public async Task WaveformGet()
    {
        var reply = ReceiveAsync(24 + (WaveformElements * 8));
        await SendAsync(_waveformGet);
        await reply;
    }

    private async Task SendAsync(byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    private async Task ReceiveAsync(long bytes)
    {
        while (bytes > 0)
        {
            bytes -= await _socket.ReceiveAsync(_receive.AsMemory(0, (int)Math.Min(_receive.Length, bytes)), SocketFlags.None);
        }
    }
}
