using System.Buffers;
using System.Net;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>A <see cref="ServerCircuit"/> driven without sockets: messages in, parsed replies out.</summary>
public sealed class CircuitHarness : IDisposable
{
    private readonly ReplyParser _parser = new();
    private readonly SemaphoreSlim _output = new(0);
    private readonly List<ServerReply> _received = [];
    private byte[] _unconsumed = [];

    public CircuitHarness(InMemoryPvProvider? provider = null, ServerCircuitOptions? options = null)
    {
        Provider = provider ?? TestPvs.Create();
        Circuit = new ServerCircuit(Provider, options ?? new ServerCircuitOptions { ServerPort = 5064 }, new IPEndPoint(IPAddress.Loopback, 40000));
        Circuit.OutputAvailable = () => _output.Release();
    }

    public InMemoryPvProvider Provider { get; }

    public ServerCircuit Circuit { get; }

    public CircuitStatus Send(params CaMessage[] messages) => SendBytes([.. messages.SelectMany(m => m.ToBytes())]);

    public CircuitStatus SendBytes(ReadOnlySpan<byte> bytes)
    {
        var all = new byte[_unconsumed.Length + bytes.Length];
        _unconsumed.CopyTo(all, 0);
        bytes.CopyTo(all.AsSpan(_unconsumed.Length));
        var buffer = new ReadOnlySequence<byte>(all);
        var status = Circuit.Receive(ref buffer);
        _unconsumed = buffer.ToArray();
        return status;
    }

    /// <summary>Every reply queued so far (and not yet taken).</summary>
    public List<ServerReply> Take()
    {
        var replies = new List<ServerReply>();
        while (Circuit.TryTakeOutput(out var output))
        {
            replies.AddRange(_parser.Feed(output.Span));
            Circuit.ReleaseOutput();
        }

        return replies;
    }

    /// <summary>Takes replies until <paramref name="done"/> holds for those gathered (which are then returned).</summary>
    public async Task<List<ServerReply>> WaitForAsync(Func<List<ServerReply>, bool> done, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        _received.Clear();
        while (true)
        {
            _received.AddRange(Take());
            if (done(_received))
            {
                return [.. _received];
            }

            try
            {
                await _output.WaitAsync(TimeSpan.FromMilliseconds(50), cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Replies so far: {string.Join("; ", _received)}");
            }
        }
    }

    /// <summary>Handshake and channel creation; returns the server id.</summary>
    public uint Create(string name, uint cid)
    {
        Send(new CreateChanRequest(name, cid, CaProtocol.MinorVersion));
        var replies = Take();
        return replies.Select(r => r.Message).OfType<CreateChanResponse>().Single(r => r.Cid == cid).Sid;
    }

    public static CircuitHarness Connected(InMemoryPvProvider? provider = null, ServerCircuitOptions? options = null)
    {
        var harness = new CircuitHarness(provider, options);
        harness.Send(new VersionRequest(0, CaProtocol.MinorVersion), new ClientNameRequest("tester"), new HostNameRequest("testhost"));
        var version = Assert.Single(harness.Take());
        Assert.Equal(CaCommand.Version, version.Command);
        return harness;
    }

    public void Dispose()
    {
        Circuit.Dispose();
        _output.Dispose();
    }
}
