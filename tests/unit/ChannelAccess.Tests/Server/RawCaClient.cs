using System.Net;
using System.Net.Sockets;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>
/// A bare TCP Channel Access peer for tests: sends raw messages (or raw bytes) and returns the server's replies
/// one by one, parsed with the codec. Not a client library: it does exactly what the test says.
/// </summary>
public sealed class RawCaClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly ReplyParser _parser = new();
    private readonly Queue<ServerReply> _replies = new();
    private readonly byte[] _buffer = new byte[256 * 1024];

    private RawCaClient(Socket socket) => _socket = socket;

    public bool Closed { get; private set; }

    /// <summary>Connects; with <paramref name="handshake"/> sends VERSION, CLIENT_NAME and HOST_NAME and takes the server's VERSION.</summary>
    public static async Task<RawCaClient> ConnectAsync(int port, bool handshake = true, string user = "tester")
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        var client = new RawCaClient(socket);
        if (handshake)
        {
            await client.SendAsync(new VersionRequest(0, CaProtocol.MinorVersion), new ClientNameRequest(user), new HostNameRequest("testhost"));
            var version = await client.ReceiveAsync();
            Assert.Equal(CaCommand.Version, version.Command);
            Assert.Equal(CaProtocol.MinorVersion, version.Header.DataCount);
        }

        return client;
    }

    public Task SendAsync(params CaMessage[] messages) => SendAsync([.. messages.SelectMany(m => m.ToBytes())]);

    public async Task SendAsync(byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await _socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    /// <summary>The next reply; throws <see cref="TimeoutException"/> when none comes and <see cref="IOException"/> when the server closed.</summary>
    public async Task<ServerReply> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (_replies.Count == 0)
        {
            int received;
            try
            {
                received = await _socket.ReceiveAsync(_buffer, SocketFlags.None, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No reply from the server.");
            }

            if (received == 0)
            {
                Closed = true;
                throw new IOException("The server closed the circuit.");
            }

            foreach (var reply in _parser.Feed(_buffer.AsSpan(0, received)))
            {
                _replies.Enqueue(reply);
            }
        }

        return _replies.Dequeue();
    }

    /// <summary>Replies until one satisfies <paramref name="last"/> (all of them, that one included).</summary>
    public async Task<List<ServerReply>> ReceiveUntilAsync(Func<ServerReply, bool> last, TimeSpan? timeout = null)
    {
        var replies = new List<ServerReply>();
        using var cancel = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var reply = await ReceiveAsync(timeout ?? DefaultTimeout);
            replies.Add(reply);
            if (last(reply))
            {
                return replies;
            }

            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"Replies so far: {string.Join("; ", replies)}");
            }
        }
    }

    /// <summary>Everything the server sends before it closes the circuit.</summary>
    public async Task<List<ServerReply>> ReceiveUntilClosedAsync(TimeSpan? timeout = null)
    {
        var replies = new List<ServerReply>();
        try
        {
            while (true)
            {
                replies.Add(await ReceiveAsync(timeout));
            }
        }
        catch (IOException)
        {
            return replies;
        }
        catch (SocketException)
        {
            Closed = true;
            return replies;
        }
    }

    /// <summary>
    /// Proves nothing else is on its way: sends ECHO and expects the echo as the very next reply (the server answers
    /// in order), rather than sleeping and hoping.
    /// </summary>
    public async Task ExpectNothingMoreAsync()
    {
        await SendAsync(new EchoMessage());
        var reply = await ReceiveAsync();
        Assert.True(reply.Command == CaCommand.Echo, $"Expected nothing before the echo but got {reply}");
    }

    /// <summary>Creates a channel: ACCESS_RIGHTS then CREATE_CHAN; returns the server id.</summary>
    public async Task<uint> CreateChannelAsync(string name, uint cid, AccessRights expectedRights = AccessRights.ReadWrite)
    {
        await SendAsync(new CreateChanRequest(name, cid, CaProtocol.MinorVersion));
        var rights = (await ReceiveAsync()).As<AccessRightsResponse>();
        Assert.Equal(cid, rights.Cid);
        Assert.Equal(expectedRights, rights.Rights);
        var created = (await ReceiveAsync()).As<CreateChanResponse>();
        Assert.Equal(cid, created.Cid);
        return created.Sid;
    }

    /// <summary>A READ_NOTIFY and its reply.</summary>
    public async Task<ServerReply> GetAsync(uint sid, DbrType type, uint count = 1, uint ioid = 1)
    {
        await SendAsync(new ReadNotifyRequest((ushort)type, count, sid, ioid));
        var reply = await ReceiveAsync();
        Assert.Equal(CaCommand.ReadNotify, reply.Command);
        Assert.Equal(ioid, reply.Header.Parameter2);
        return reply;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
