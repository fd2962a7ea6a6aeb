using System.Net;
using System.Net.Sockets;

namespace Hyperion.ChannelAccess.Tests.Client.Fakes;

/// <summary>
/// A small scripted Channel Access server on loopback, built on the codec, for testing the client byte for byte.
/// By default it behaves as rsrv does (search replies for known names, VERSION at accept, ACCESS_RIGHTS then
/// CREATE_CHAN, reads, writes, WRITE_NOTIFY, monitors with a first update, ECHO); tests can switch parts off,
/// intercept any request, send anything, drop circuits and send beacons.
/// </summary>
public sealed class FakeCaServer : IAsyncDisposable
{
    private readonly Socket _udp;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, FakePv> _pvs = new(StringComparer.Ordinal);
    private readonly Dictionary<(FakeCircuit Circuit, uint Sid), (FakePv Pv, uint Cid)> _channels = [];
    private readonly List<Subscription> _subscriptions = [];
    private readonly List<FakeCircuit> _circuits = [];
    private readonly List<Task> _tasks = [];
    private uint _nextSid = 100;

    private FakeCaServer()
    {
        _udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
    }

    public Lock Sync { get; } = new();

    /// <summary>Where searches go.</summary>
    public IPEndPoint SearchEndPoint => (IPEndPoint)_udp.LocalEndPoint!;

    /// <summary>Where circuits connect (also the name-server address).</summary>
    public IPEndPoint CircuitEndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public bool AnswerSearches { get; set; } = true;

    public bool AnswerEchoes { get; set; } = true;

    /// <summary>Called first for each request; return true when it has been handled.</summary>
    public Func<FakeCircuit, CaMessage, bool>? Intercept { get; set; }

    /// <summary>Every search datagram received.</summary>
    public AsyncQueue<ReceivedDatagram> Datagrams { get; } = new();

    /// <summary>Every circuit accepted.</summary>
    public AsyncQueue<FakeCircuit> Circuits { get; } = new();

    public IReadOnlyList<FakeCircuit> OpenCircuits
    {
        get
        {
            lock (Sync)
            {
                return [.. _circuits];
            }
        }
    }

    public static FakeCaServer Start()
    {
        var server = new FakeCaServer();
        server._tasks.Add(Task.Run(server.ReceiveDatagramsAsync));
        server._tasks.Add(Task.Run(server.AcceptAsync));
        return server;
    }

    /// <summary>Client options that search only this server, with no repeater.</summary>
    public CaClientOptions ClientOptions(bool useNameServer = false) => new()
    {
        AddressList = useNameServer ? [] : [SearchEndPoint.ToString()],
        AutoAddressList = false,
        NameServers = useNameServer ? [CircuitEndPoint.ToString()] : [],
        RegisterWithRepeater = false,
        UserName = "tester",
        HostName = "testhost",
    };

    public FakePv Add(string name, DbrValue value, int? maxElements = null)
    {
        var pv = new FakePv(this, name, value, maxElements ?? Math.Max(1, value.Count));
        lock (Sync)
        {
            _pvs[name] = pv;
        }

        return pv;
    }

    public FakePv this[string name]
    {
        get
        {
            lock (Sync)
            {
                return _pvs[name];
            }
        }
    }

    public void Remove(string name)
    {
        lock (Sync)
        {
            _pvs.Remove(name);
        }
    }

    /// <summary>Drops every circuit, as a crashed server would.</summary>
    public void DropCircuits()
    {
        foreach (var circuit in OpenCircuits)
        {
            circuit.Drop();
        }
    }

    /// <summary>Sends a beacon (CA_PROTO_RSRV_IS_UP) to <paramref name="destination"/>, as a repeater would forward it.</summary>
    public void SendBeacon(IPEndPoint destination, uint beaconNumber) =>
        _udp.SendTo(new BeaconMessage(CaProtocol.MinorVersion, (ushort)CircuitEndPoint.Port, beaconNumber, 0).ToBytes(), destination);

    public void SendDatagram(IPEndPoint destination, params CaMessage[] messages) =>
        _udp.SendTo(messages.SelectMany(m => m.ToBytes()).ToArray(), destination);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _udp.Dispose();
        DropCircuits();
        foreach (var task in _tasks)
        {
            try
            {
                await task;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    internal void Forget(FakeCircuit circuit)
    {
        lock (Sync)
        {
            _circuits.Remove(circuit);
            _subscriptions.RemoveAll(s => s.Circuit == circuit);
            foreach (var key in _channels.Keys.Where(k => k.Circuit == circuit).ToList())
            {
                _channels.Remove(key);
            }
        }
    }

    internal void Post(FakePv pv, EventMask events)
    {
        // Called under Sync by FakePv.Set.
        foreach (var subscription in _subscriptions)
        {
            if (subscription.Pv == pv && (subscription.Mask & events) != 0)
            {
                subscription.Circuit.Send(Update(subscription));
            }
        }
    }

    internal void Handle(FakeCircuit circuit, CaMessage message)
    {
        if (Intercept?.Invoke(circuit, message) == true)
        {
            return;
        }

        lock (Sync)
        {
            switch (message)
            {
                case CreateChanRequest create:
                    if (!_pvs.TryGetValue(create.Name, out var pv))
                    {
                        circuit.Send(new CreateChFailResponse(create.Cid));
                        break;
                    }

                    var sid = _nextSid++;
                    _channels[(circuit, sid)] = (pv, create.Cid);
                    circuit.Send(new AccessRightsResponse(create.Cid, pv.Rights), new CreateChanResponse((ushort)pv.NativeType, (uint)pv.MaxElements, create.Cid, sid));
                    break;
                case ReadNotifyRequest read when Find(circuit, read.Sid) is { } channel:
                    if (!channel.Pv.Rights.HasFlag(AccessRights.Read))
                    {
                        circuit.Send(new ReadNotifyResponse(read.DataType, read.Count, Eca.Nordaccess.Value, read.Ioid, ReadOnlyMemory<byte>.Empty));
                        break;
                    }

                    var (count, data) = channel.Pv.Encode((DbrType)read.DataType, read.Count);
                    circuit.Send(new ReadNotifyResponse(read.DataType, count, Eca.Normal.Value, read.Ioid, data));
                    break;
                case WriteRequest write when Find(circuit, write.Sid) is { } channel:
                    if (!channel.Pv.Rights.HasFlag(AccessRights.Write))
                    {
                        circuit.Send(new ErrorResponse(channel.Cid, Eca.Nowtaccess.Value, write.Header, "write access denied"));
                        break;
                    }

                    channel.Pv.Write(write.Decode());
                    break;
                case WriteNotifyRequest write when Find(circuit, write.Sid) is { } channel:
                    if (!channel.Pv.Rights.HasFlag(AccessRights.Write))
                    {
                        circuit.Send(new WriteNotifyResponse(write.DataType, write.Count, Eca.Nowtaccess.Value, write.Ioid));
                        break;
                    }

                    try
                    {
                        channel.Pv.Write(write.Decode());
                    }
                    catch (CaProtocolException e)
                    {
                        circuit.Send(new WriteNotifyResponse(write.DataType, write.Count, (e.Status ?? Eca.Putfail).Value, write.Ioid));
                        break;
                    }

                    if (channel.Pv.CompletesLate)
                    {
                        channel.Pv.HoldWrite(circuit, write);
                        break;
                    }

                    circuit.Send(new WriteNotifyResponse(write.DataType, write.Count, Eca.Normal.Value, write.Ioid));
                    break;
                case EventAddRequest add when Find(circuit, add.Sid) is { } channel:
                    var subscription = new Subscription(circuit, channel.Pv, add.SubscriptionId, (DbrType)add.DataType, add.Count, add.Mask);
                    _subscriptions.Add(subscription);
                    circuit.Send(Update(subscription));
                    break;
                case EventCancelRequest cancel:
                    _subscriptions.RemoveAll(s => s.Circuit == circuit && s.Id == cancel.SubscriptionId);
                    circuit.Send(new EventAddResponse(cancel.DataType, cancel.Count, Eca.Normal.Value, cancel.SubscriptionId, ReadOnlyMemory<byte>.Empty));
                    break;
                case ClearChannelRequest clear:
                    _channels.Remove((circuit, clear.Sid));
                    circuit.Send(new ClearChannelResponse(clear.Sid, clear.Cid));
                    break;
                case EchoMessage when AnswerEchoes:
                    circuit.Send(new EchoMessage());
                    break;
                case SearchRequest search when AnswerSearches && _pvs.ContainsKey(search.Name):
                    circuit.Send(new SearchResponse((ushort)CircuitEndPoint.Port, uint.MaxValue, search.Cid, CaProtocol.MinorVersion));
                    break;
                default:
                    break;
            }
        }
    }

    private (FakePv Pv, uint Cid)? Find(FakeCircuit circuit, uint sid) =>
        _channels.TryGetValue((circuit, sid), out var channel) ? channel : null;

    private static EventAddResponse Update(Subscription subscription)
    {
        var (count, data) = subscription.Pv.Encode(subscription.Type, subscription.Count);
        return new EventAddResponse((ushort)subscription.Type, count, Eca.Normal.Value, subscription.Id, data);
    }

    private async Task ReceiveDatagramsAsync()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            var result = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            var bytes = buffer.AsSpan(0, result.ReceivedBytes).ToArray();
            var source = (IPEndPoint)result.RemoteEndPoint;
            IReadOnlyList<CaMessage> messages;
            try
            {
                messages = [.. CaFraming.ReadDatagram(bytes).Select(f => CaMessageDecoder.Decode(f, CaDirection.FromClient))];
            }
            catch (CaProtocolException)
            {
                messages = [];
            }

            Datagrams.Add(new ReceivedDatagram(bytes, source, messages));
            var replies = new List<CaMessage>();
            lock (Sync)
            {
                if (AnswerSearches)
                {
                    foreach (var search in messages.OfType<SearchRequest>().Where(s => _pvs.ContainsKey(s.Name)))
                    {
                        replies.Add(new SearchResponse((ushort)CircuitEndPoint.Port, uint.MaxValue, search.Cid, CaProtocol.MinorVersion));
                    }
                }
            }

            if (replies.Count > 0)
            {
                SendDatagram(source, [new VersionResponse(CaProtocol.MinorVersion), .. replies]);
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            socket.NoDelay = true;
            var circuit = new FakeCircuit(this, socket);
            lock (Sync)
            {
                _circuits.Add(circuit);
            }

            // rsrv sends its version as soon as it accepts a circuit.
            circuit.Send(new VersionResponse(CaProtocol.MinorVersion));
            Circuits.Add(circuit);
            _ = Task.Run(circuit.RunAsync);
        }
    }

    private sealed record Subscription(FakeCircuit Circuit, FakePv Pv, uint Id, DbrType Type, uint Count, EventMask Mask);
}

/// <summary>A search datagram as received: bytes, sender and decoded messages.</summary>
public sealed record ReceivedDatagram(byte[] Bytes, IPEndPoint Source, IReadOnlyList<CaMessage> Messages)
{
    public IEnumerable<SearchRequest> Searches => Messages.OfType<SearchRequest>();
}
