using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Hyperion.ChannelAccess.Server;
using Xunit.Abstractions;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>
/// Seeded fuzzing: thousands of random, mutated and malformed packets over TCP and UDP, after which a good client
/// is still served, new clients connect, no circuit or PV subscription is left behind, and the server still runs.
/// </summary>
public class ServerFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Names = ["TEST:DOUBLE", "TEST:LONG", "TEST:STRING", "TEST:ENUM", "TEST:WAVE", "TEST:RO", "TEST:HIDDEN", "TEST:EMPTY"];

    [Fact]
    public async Task Thousands_of_random_and_mutated_packets_leave_a_good_client_served_and_nothing_leaked()
    {
        var provider = TestPvs.Create();
        var good = provider.AddSoft("GOOD:PV", DbrValue.Of(0.0));
        await using var server = await TestServer.StartAsync(provider, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false, MaxArrayBytes = 65536 });
        await using var client = await server.ConnectAsync();
        var goodSid = await client.CreateChannelAsync("GOOD:PV", 1);
        await client.SendAsync(new EventAddRequest((ushort)DbrType.Double, 1, goodSid, 1, EventMask.Value));
        await client.ReceiveAsync();

        var random = new Random(0x5EED);
        var budget = 0;
        var errors = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        FuzzConnection? fuzz = null;
        for (var packet = 0; packet < 4000; packet++)
        {
            // A fresh circuit every few dozen packets: one announcing a huge payload would otherwise swallow the rest.
            if (fuzz is null || fuzz.ServerClosed || budget-- == 0)
            {
                if (fuzz is not null)
                {
                    await fuzz.DisposeAsync();
                }

                fuzz = await FuzzConnection.OpenAsync(server.Port, random, errors);
                budget = random.Next(5, 60);
            }

            await fuzz.SendAsync(NextPacket(random), random);
            if (packet % 500 == 499)
            {
                // The good client is served all along, not only at the end.
                await GoodClientServedAsync(client, goodSid, good, packet);
            }
        }

        if (fuzz is not null)
        {
            await fuzz.DisposeAsync();
        }

        await FuzzUdpAsync(server, random);

        await GoodClientServedAsync(client, goodSid, good, -1);
        await using var newcomer = await server.ConnectAsync();
        var sid = await newcomer.CreateChannelAsync("TEST:DOUBLE", 5);
        Assert.Equal(CaCommand.ReadNotify, (await newcomer.GetAsync(sid, DbrType.CtrlDouble)).Command);
        await newcomer.DisposeAsync();

        output.WriteLine($"ERRORs received: {string.Join(", ", errors.OrderBy(e => e.Key))}");

        // The bad input was noticed and answered with base's errors, not just swallowed.
        foreach (var expected in new[] { Eca.Badchid, Eca.Internal })
        {
            Assert.True(errors.ContainsKey(expected.Name), $"no {expected.Name} among {string.Join(", ", errors)}");
        }

        await Eventually.TrueAsync(() => server.Server.CircuitCount == 1, because: $"{server.Server.CircuitCount} circuits remain");
        foreach (var name in Names)
        {
            await Eventually.TrueAsync(() => server.Soft(name).SubscriberCount == 0, because: $"{name} keeps {server.Soft(name).SubscriberCount} subscriptions");
        }

        Assert.True(server.Server.IsRunning);
    }

    [Fact]
    public void Circuits_fed_random_and_mutated_packets_never_throw_and_always_answer_well_formed_messages()
    {
        var random = new Random(0xF022);
        var provider = TestPvs.Create();
        var options = new ServerCircuitOptions { MaxArrayBytes = 65536 };
        var harness = CircuitHarness.Connected(provider, options);
        var circuits = 1;
        var replies = 0;
        var errors = new Dictionary<string, int>();
        for (var packet = 0; packet < 20_000; packet++)
        {
            var bytes = NextPacket(random);
            var status = harness.SendBytes(bytes);
            foreach (var reply in harness.Take())
            {
                Assert.True(reply.Message is not null || reply.Command is CaCommand.Read, $"unparsable reply {reply}");
                replies++;
                if (reply.Message is ErrorResponse error)
                {
                    errors[error.EcaStatus.Name] = errors.GetValueOrDefault(error.EcaStatus.Name) + 1;
                }
            }

            if (status == CircuitStatus.Closed || random.Next(200) == 0)
            {
                harness.Dispose();
                harness = CircuitHarness.Connected(provider, options);
                foreach (var name in Names.Take(random.Next(Names.Length + 1)))
                {
                    harness.Send(new CreateChanRequest(name, (uint)random.Next(100), 13));
                }

                circuits++;
            }
        }

        harness.Dispose();
        output.WriteLine($"{circuits} circuits, {replies} replies, ERRORs: {string.Join(", ", errors.OrderBy(e => e.Key))}");
        foreach (var expected in new[] { Eca.Badchid, Eca.Badtype, Eca.Badcount, Eca.Badmask, Eca.Badmonid, Eca.Internal, Eca.Tolarge, Eca.Putfail })
        {
            Assert.True(errors.ContainsKey(expected.Name), $"no {expected.Name} among {string.Join(", ", errors)}");
        }

        Assert.All(Names, name => Assert.Equal(0, ((SoftPv)provider[name]).SubscriberCount));
    }

    private static async Task GoodClientServedAsync(RawCaClient client, uint sid, SoftPv good, int marker)
    {
        good.SetValue(marker);
        var update = await client.ReceiveAsync();
        Assert.Equal(CaCommand.EventAdd, update.Command);
        Assert.Equal(marker, update.Value().GetDouble());
        Assert.Equal(marker, (await client.GetAsync(sid, DbrType.Double, ioid: (uint)(marker + 10))).Value().GetDouble());
    }

    private static async Task FuzzUdpAsync(TestServer server, Random random)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = new IPEndPoint(IPAddress.Loopback, server.Server.UdpPort);
        var version = new VersionRequest(0, 13).ToBytes();
        for (var i = 0; i < 1000; i++)
        {
            var datagram = random.Next(3) switch
            {
                0 => RandomBytes(random, random.Next(1, 200)),
                1 => [.. version, .. Mutate(random, new SearchRequest(Names[random.Next(Names.Length)], (uint)i, CaProtocol.DoReply, 13).ToBytes())],
                _ => [.. version, .. NextPacket(random)],
            };
            await udp.SendAsync(datagram, target);
            if (i % 50 == 49)
            {
                // Paced by a search that must be answered, so no datagram is lost to a full socket buffer.
                await SentinelAnsweredAsync(udp, target, (uint)(0xC0FFEE + i));
            }
        }
    }

    private static async Task SentinelAnsweredAsync(UdpClient udp, IPEndPoint target, uint cid)
    {
        byte[] sentinel = [.. new VersionRequest(0, 13).ToBytes(), .. new SearchRequest("TEST:LONG", cid, CaProtocol.DontReply, 13).ToBytes()];
        await udp.SendAsync(sentinel, target);
        using var cancel = new CancellationTokenSource(RawCaClient.DefaultTimeout);
        while (true)
        {
            var replies = new ReplyParser().Feed((await udp.ReceiveAsync(cancel.Token)).Buffer);
            if (replies.Any(r => r.Command == CaCommand.Search && r.Header.Parameter2 == cid))
            {
                return;
            }
        }
    }

    private static byte[] NextPacket(Random random) => random.Next(100) switch
    {
        < 40 => Valid(random),
        < 70 => Mutate(random, Valid(random)),
        < 85 => RandomBytes(random, random.Next(1, 64)),
        < 95 => RandomHeader(random),
        _ => LargeHeader(random),
    };

    private static byte[] Valid(Random random)
    {
        // Fuzz circuits create channels first, so small server ids are often valid.
        var sid = (uint)(random.Next(4) == 0 ? random.Next() : random.Next(1, 6));
        var type = (ushort)(random.Next(5) == 0 ? random.Next(0, 45) : random.Next(0, 39));
        var count = (uint)(random.Next(4) == 0 ? random.Next(0, 12) : random.Next(0, 2));
        var id = (uint)random.Next();
        CaMessage message = random.Next(16) switch
        {
            0 => new ReadNotifyRequest(type, count, sid, id),
            1 => new WriteRequest(type, count, sid, id, RandomBytes(random, random.Next(0, 3) * 8)),
            2 => new WriteNotifyRequest(type, count, sid, id, RandomBytes(random, random.Next(0, 3) * 8)),
            3 => WriteNotifyRequest.For(DbrType.String, DbrValue.Of(random.Next(2) == 0 ? "12" : "junk"), sid, id),
            4 => new EventAddRequest(type, count, sid, id % 8, (EventMask)random.Next(0, 20)),
            5 => new EventCancelRequest(type, count, sid, id % 8),
            6 => new ClearChannelRequest(sid, id),
            7 => new CreateChanRequest(Names[random.Next(Names.Length)], id, 13),
            8 => new SearchRequest(random.Next(2) == 0 ? Names[random.Next(Names.Length)] : "NOPE", id, random.Next(2) == 0 ? CaProtocol.DoReply : CaProtocol.DontReply, 13),
            9 => new EventsOffRequest(),
            10 => new EventsOnRequest(),
            11 => new ReadSyncRequest(),
            12 => new EchoMessage(),
            13 => new ClientNameRequest(new string('u', random.Next(1, 40))),
            14 => new ReadRequest(type, count, sid, id),
            _ => new VersionRequest((ushort)random.Next(0, 120), (ushort)random.Next(0, 14)),
        };
        return message.ToBytes();
    }

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        for (var flips = random.Next(1, 5); flips > 0; flips--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return random.Next(4) == 0 ? copy[..random.Next(1, copy.Length + 1)] : copy;
    }

    private static byte[] RandomHeader(Random random)
    {
        var payload = random.Next(3) == 0 ? random.Next(0, 40) : random.Next(0, 5) * 8;
        var bytes = new byte[16 + payload];
        random.NextBytes(bytes);
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)random.Next(0, 32));
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)payload);
        return bytes;
    }

    private static byte[] LargeHeader(Random random)
    {
        var payload = (uint)random.Next(0x10000, 0x30000) & ~7u;
        var bytes = new byte[24 + random.Next(0, 4096)];
        random.NextBytes(bytes);
        new CaHeader((CaCommand)random.Next(0, 28), payload, (ushort)DbrType.Double, payload / 8, 1, 1).Write(bytes);
        return bytes;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A fuzzing peer: sends whatever it is given and drains whatever comes back, noticing when the server hangs up.</summary>
    private sealed class FuzzConnection : IAsyncDisposable
    {
        private readonly Socket _socket;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _errors;
        private readonly Task _drain;
        private volatile bool _serverClosed;

        private FuzzConnection(Socket socket, System.Collections.Concurrent.ConcurrentDictionary<string, int> errors)
        {
            _socket = socket;
            _errors = errors;
            _drain = DrainAsync();
        }

        public bool ServerClosed => _serverClosed;

        public static async Task<FuzzConnection> OpenAsync(int port, Random random, System.Collections.Concurrent.ConcurrentDictionary<string, int> errors)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            var connection = new FuzzConnection(socket, errors);
            var opening = new List<byte>();
            if (random.Next(4) != 0)
            {
                opening.AddRange(new VersionRequest(0, 13).ToBytes());
            }

            foreach (var name in Names.Take(random.Next(0, Names.Length + 1)))
            {
                opening.AddRange(new CreateChanRequest(name, (uint)random.Next(100), 13).ToBytes());
            }

            await connection.SendAsync([.. opening], random);
            return connection;
        }

        public async Task SendAsync(byte[] bytes, Random random)
        {
            if (_serverClosed || bytes.Length == 0)
            {
                return;
            }

            try
            {
                var split = random.Next(3) == 0 ? random.Next(0, bytes.Length) : bytes.Length;
                using var cancel = new CancellationTokenSource(RawCaClient.DefaultTimeout);
                await _socket.SendAsync(bytes.AsMemory(0, split), SocketFlags.None, cancel.Token);
                if (split < bytes.Length)
                {
                    await _socket.SendAsync(bytes.AsMemory(split), SocketFlags.None, cancel.Token);
                }
            }
            catch (SocketException)
            {
                _serverClosed = true;
            }
        }

        /// <summary>Hangs up its sending side and waits for the server to finish answering and close (no replies are lost).</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
            }

            await _drain.WaitAsync(RawCaClient.DefaultTimeout);
            _socket.Dispose();
        }

        private async Task DrainAsync()
        {
            var buffer = new byte[64 * 1024];
            var parser = new ReplyParser();
            try
            {
                int received;
                while ((received = await _socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                {
                    foreach (var reply in parser.Feed(buffer.AsSpan(0, received)))
                    {
                        if (reply.Message is ErrorResponse error)
                        {
                            _errors.AddOrUpdate(error.EcaStatus.Name, 1, (_, n) => n + 1);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }

            _serverClosed = true;
        }
    }
}
