using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Messages;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Pv;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// A Channel Access client context (libca's ca_context): channels are searched for by name over UDP (and over TCP
/// name servers), batched many to a datagram with exponential back-off; each server gets one virtual circuit shared
/// by all of its channels; circuits are kept alive by ECHO heartbeats; channels whose circuit goes (a server
/// restart, SERVER_DISCONN) are searched for again, and beacons from a restarted server hurry that search; on
/// reconnection channels are created again and their subscriptions sent again.
/// <para>
/// All protocol state lives behind one lock, as in libca; user code (subscription callbacks, state events,
/// task continuations) never runs under it.
/// </para>
/// </summary>
public sealed class CaClient : IPvClient
{
    /// <summary>How long a channel the server refused or dropped waits before it is searched for again (libca's disconnectGovernorPeriod).</summary>
    public static readonly TimeSpan DisconnectGovernorPeriod = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RepeaterRegistrationPeriod = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, CaChannel> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, CaChannel> _byCid = [];
    private readonly Dictionary<uint, CaSubscription> _subscriptions = [];
    private readonly Dictionary<IPEndPoint, CaCircuitConnection> _circuits = [];
    private readonly List<IPEndPoint> _nameServers = [];
    private readonly SearchScheduler _scheduler;
    private readonly BeaconTracker _beacons;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly List<Task> _loops = [];
    private readonly SerialDispatcher<Action> _serverErrors;
    private TaskCompletionSource _kick = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CaDatagramSocket? _udp;
    private uint _nextId;
    private bool _started;
    private bool _disposed;
    private bool _repeaterConfirmed;

    /// <summary>
    /// Creates a client. <paramref name="options"/> defaults to <see cref="CaClientOptions.FromEnvironment"/>;
    /// <paramref name="timeProvider"/> drives search back-off, heartbeats and time-outs.
    /// </summary>
    public CaClient(CaClientOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? CaClientOptions.FromEnvironment();
        Time = timeProvider ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<CaClient>();
        _scheduler = new SearchScheduler(Options.MinSearchPeriod, Options.MaxSearchPeriod);
        _beacons = new BeaconTracker(Time.GetUtcNow());
        _serverErrors = new SerialDispatcher<Action>(raise => raise(), e => CaClientLog.ServerErrorHandlerFailed(Logger, e));
    }

    /// <summary>
    /// Raised, in the order received and never under the client's lock, for each error a server reports that no
    /// pending operation takes: libca's exception event (ca_add_exception_event). A refused plain put (caput without
    /// -c) is reported only here. With no handler attached these are logged as warnings, as libca's default handler
    /// prints them.
    /// </summary>
    public event EventHandler<CaServerErrorEventArgs>? ServerError;

    /// <summary>
    /// Completes once every server error received before the call has been delivered to <see cref="ServerError"/>
    /// (libca's ca_pend_event for exceptions). Replies on a circuit arrive in request order, so after awaiting a get
    /// issued after a put, flushing here delivers any refusal of that put.
    /// </summary>
    public Task FlushServerErrorsAsync(CancellationToken cancellationToken = default)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _serverErrors.Post(() => flushed.TrySetResult());
        return flushed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The options in use.</summary>
    public CaClientOptions Options { get; }

    /// <summary>The UDP endpoint searches are sent from (null until the first channel is created).</summary>
    public IPEndPoint? SearchEndPoint
    {
        get
        {
            lock (Sync)
            {
                return _udp?.LocalEndPoint;
            }
        }
    }

    internal Lock Sync { get; } = new();

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>
    /// The channel for <paramref name="pvName"/>, created and searched for on first use; the same name gives the
    /// same channel until that channel is disposed.
    /// </summary>
    public CaChannel Channel(string pvName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pvName);
        if (!SearchScheduler.FitsInDatagram(pvName))
        {
            throw new ArgumentException($"The PV name '{pvName[..Math.Min(40, pvName.Length)]}...' is too long to search for.", nameof(pvName));
        }

        lock (Sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_byName.TryGetValue(pvName, out var existing))
            {
                return existing;
            }

            EnsureStarted();
            var channel = new CaChannel(this, pvName, NextId());
            _byName[pvName] = channel;
            _byCid[channel.Cid] = channel;
            _scheduler.Add(channel.Cid, pvName, Time.GetUtcNow());
            Kick();
            return channel;
        }
    }

    /// <inheritdoc />
    IPvChannel IPvClient.Channel(string pvName) => Channel(pvName);

    /// <summary>Closes every channel and circuit and stops searching.</summary>
    public async ValueTask DisposeAsync()
    {
        List<CaCircuitConnection> circuits;
        lock (Sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var channel in _byName.Values.ToList())
            {
                channel.Close();
            }

            circuits = [.. _circuits.Values];
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        foreach (var circuit in circuits)
        {
            await circuit.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var loop in _loops)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Shutting down: a loop's last error has nowhere left to go.
            catch (Exception)
#pragma warning restore CA1031
            {
                // Stopping.
            }
        }

        _udp?.Dispose();
        _shutdown.Dispose();
    }

    // ---- shared with channels and circuits, under the lock ----

    internal uint NextId() => ++_nextId;

    internal PendingOperation StartOperation(CaChannel channel, CaCircuitConnection connection, PendingOperationKind kind)
    {
        var operation = new PendingOperation(NextId(), channel, connection, kind);
        connection.Pending[operation.Ioid] = operation;
        return operation;
    }

    internal void CancelOperation(PendingOperation operation, CancellationToken cancellationToken)
    {
        lock (Sync)
        {
            operation.Connection.Pending.Remove(operation.Ioid);
        }

        operation.Completion.TrySetCanceled(cancellationToken);
    }

    internal static void FailOperations(CaCircuitConnection connection, CaChannel channel, string message, EcaStatus status)
    {
        List<PendingOperation>? failed = null;
        foreach (var operation in connection.Pending.Values)
        {
            if (operation.Channel == channel)
            {
                (failed ??= []).Add(operation);
            }
        }

        foreach (var operation in failed ?? [])
        {
            connection.Pending.Remove(operation.Ioid);
            operation.Fail(new PvException(channel.Name, operation.Operation, message, status));
        }
    }

    internal void AddSubscription(CaSubscription subscription) => _subscriptions[subscription.Id] = subscription;

    internal void RemoveSubscription(CaSubscription subscription) => _subscriptions.Remove(subscription.Id);

    internal void RemoveChannel(CaChannel channel)
    {
        if (_byName.TryGetValue(channel.Name, out var current) && current == channel)
        {
            _byName.Remove(channel.Name);
        }

        _byCid.Remove(channel.Cid);
        if (_scheduler.Remove(channel.Cid))
        {
            Kick();
        }
    }

    // ---- search ----

    internal void OnSearchReply(uint cid, IPEndPoint server, ushort minorVersion)
    {
        if (!_byCid.TryGetValue(cid, out var channel))
        {
            return;
        }

        if (!_scheduler.Contains(cid))
        {
            if (channel.Connection is { } connection && !connection.Server.Equals(server))
            {
                CaClientLog.DuplicateChannel(Logger, channel.Name, connection.Server, server);
            }

            return;
        }

        if (_scheduler.OnResponse(cid, Time.GetUtcNow()))
        {
            Kick();
        }

        channel.Resolve(GetOrCreateCircuit(server, minorVersion));
    }

    private void OnDatagram(ReadOnlyMemory<byte> datagram, IPEndPoint source)
    {
        var buffer = new ReadOnlySequence<byte>(datagram);
        lock (Sync)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                while (buffer.Length > 0)
                {
                    if (!CaFraming.TryReadFrame(ref buffer, ushort.MaxValue, out var frame))
                    {
                        CaClientLog.TruncatedDatagram(Logger, source, buffer.Length);
                        return;
                    }

                    OnDatagramMessage(frame, source);
                }
            }
#pragma warning disable CA1031 // A datagram, however malformed, must not stop the client listening.
            catch (Exception e)
#pragma warning restore CA1031
            {
                CaClientLog.BadDatagram(Logger, source, e.Message);
            }
        }
    }

    private void OnDatagramMessage(CaFrame frame, IPEndPoint source)
    {
        var h = frame.Header;
        switch (h.Command)
        {
            case CaCommand.Search:
                {
                    // libca's udpiiu::searchRespAction: p1 0xFFFFFFFF means the datagram's source; the port is in the data type.
                    ushort version = 0;
                    if (h.PayloadSize >= 2)
                    {
                        Span<byte> bytes = stackalloc byte[2];
                        frame.Payload.Slice(0, 2).CopyTo(bytes);
                        version = BinaryPrimitives.ReadUInt16BigEndian(bytes);
                    }

                    var address = h.Parameter1 == uint.MaxValue || version < 8 ? source.Address : Address(h.Parameter1);
                    var port = version >= 5 ? h.DataType : (ushort)Options.ServerPort;
                    OnSearchReply(h.Parameter2, new IPEndPoint(address, port), version);
                    break;
                }

            case CaCommand.RsrvIsUp:
                {
                    // libca's udpiiu::beaconAction: an address other than 0 overrides the source; count 0 means the default port.
                    var address = h.Parameter2 == 0 ? source.Address : Address(h.Parameter2);
                    var port = h.DataCount != 0 ? (int)h.DataCount : Options.ServerPort;
                    OnBeacon(new IPEndPoint(address, port), h.Parameter1);
                    break;
                }

            case CaCommand.RepeaterConfirm:
                if (!_repeaterConfirmed)
                {
                    _repeaterConfirmed = true;
                    CaClientLog.RepeaterConfirmed(Logger, Options.RepeaterPort);
                }

                break;
            default:
                // VERSION prefixes, NOT_FOUND and anything else carry nothing for us.
                break;
        }
    }

    private void OnBeacon(IPEndPoint server, uint beaconNumber)
    {
        var now = Time.GetUtcNow();
        if (_beacons.OnBeacon(server, beaconNumber, now) && _scheduler.Count > 0)
        {
            CaClientLog.BeaconAnomaly(Logger, server, _scheduler.Count);
            _scheduler.OnBeaconAnomaly(now);
            Kick();
        }
    }

    private void EnsureStarted()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        _udp = new CaDatagramSocket();
        var udp = _udp;
        var token = _shutdown.Token;
        _loops.Add(Task.Run(() => udp.ReceiveAsync(OnDatagram, token), token));
        _loops.Add(Task.Run(() => SearchLoopAsync(udp, token), token));
        if (Options.RegisterWithRepeater)
        {
            _loops.Add(Task.Run(() => RepeaterLoopAsync(udp, token), token));
        }
    }

    private void Kick() => _kick.TrySetResult();

    private async Task SearchLoopAsync(CaDatagramSocket udp, CancellationToken cancellationToken)
    {
        var destinations = await ResolveDestinationsAsync(cancellationToken).ConfigureAwait(false);
        var datagrams = new List<byte[]>();
        while (!cancellationToken.IsCancellationRequested)
        {
            Task kick;
            DateTimeOffset? next;
            lock (Sync)
            {
                if (_kick.Task.IsCompleted)
                {
                    _kick = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                kick = _kick.Task;
                datagrams.Clear();
                next = _scheduler.Poll(Time.GetUtcNow(), datagrams);
                if (datagrams.Count > 0)
                {
                    foreach (var nameServer in _nameServers)
                    {
                        var circuit = GetOrCreateCircuit(nameServer, 0);
                        circuit.IsNameServer = true;
                        foreach (var datagram in datagrams)
                        {
                            circuit.Circuit.Search(datagram);
                        }
                    }
                }
            }

            foreach (var datagram in datagrams)
            {
                foreach (var destination in destinations)
                {
                    try
                    {
                        await udp.SendAsync(datagram, destination, cancellationToken).ConfigureAwait(false);
                    }
                    catch (System.Net.Sockets.SocketException e)
                    {
                        CaClientLog.SearchSendFailed(Logger, destination, e);
                    }
                }
            }

            await WaitAsync(kick, next, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitAsync(Task kick, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        if (until is null)
        {
            await kick.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var delay = until.Value - Time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(kick, Task.Delay(delay, Time, timer.Token)).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<IReadOnlyList<IPEndPoint>> ResolveDestinationsAsync(CancellationToken cancellationToken)
    {
        void OnError(string entry, Exception e) => CaClientLog.SearchDestinationFailed(Logger, entry, e);
        var destinations = new List<IPEndPoint>(await CaAddressList.ResolveAsync(Options.AddressList, Options.ServerPort, cancellationToken, OnError).ConfigureAwait(false));
        if (Options.AutoAddressList)
        {
            destinations.AddRange(CaAddressList.BroadcastAddresses(Options.ServerPort).Where(b => !destinations.Contains(b)));
        }

        var nameServers = await CaAddressList.ResolveAsync(Options.NameServers, Options.ServerPort, cancellationToken, OnError).ConfigureAwait(false);
        lock (Sync)
        {
            _nameServers.AddRange(nameServers);
        }

        CaClientLog.SearchDestinations(Logger, destinations, nameServers);
        if (destinations.Count == 0 && nameServers.Count == 0)
        {
            CaClientLog.NoSearchDestinations(Logger);
        }

        return destinations;
    }

    private async Task RepeaterLoopAsync(CaDatagramSocket udp, CancellationToken cancellationToken)
    {
        var repeater = new IPEndPoint(IPAddress.Loopback, Options.RepeaterPort);
        var registration = new RepeaterRegisterRequest(0x7F000001).ToBytes();
        while (!cancellationToken.IsCancellationRequested)
        {
            lock (Sync)
            {
                if (_repeaterConfirmed)
                {
                    return;
                }
            }

            try
            {
                await udp.SendAsync(registration, repeater, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Net.Sockets.SocketException)
            {
                // No repeater yet (libca keeps trying every second, quietly).
            }

            await Task.Delay(RepeaterRegistrationPeriod, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    // ---- circuits ----

    private CaCircuitConnection GetOrCreateCircuit(IPEndPoint server, ushort minorVersion)
    {
        if (_circuits.TryGetValue(server, out var existing) && !existing.IsClosed)
        {
            return existing;
        }

        var circuit = new CaCircuitConnection(this, server, minorVersion);
        _circuits[server] = circuit;
        if (!_disposed)
        {
            circuit.Start(Time.GetUtcNow());
        }

        return circuit;
    }

    internal void OnCircuitLost(CaCircuitConnection circuit, string reason)
    {
        int count;
        lock (Sync)
        {
            circuit.IsClosed = true;
            if (_circuits.TryGetValue(circuit.Server, out var current) && current == circuit)
            {
                _circuits.Remove(circuit.Server);
            }

            var channels = circuit.Channels.ToList();
            count = channels.Count;
            var now = Time.GetUtcNow();
            foreach (var channel in channels)
            {
                // A channel that was connected searches again at once, so a restarted server is found quickly; one
                // whose circuit failed before it connected waits out the disconnect governor, lest a server that
                // answers searches but not circuits be hammered.
                var wasConnected = channel.Detach($"the circuit to {circuit.Server} was lost: {reason}");
                if (!_disposed)
                {
                    _scheduler.Add(channel.Cid, channel.Name, wasConnected ? now : now + DisconnectGovernorPeriod);
                }
            }

            foreach (var operation in circuit.Pending.Values.ToList())
            {
                operation.Fail(new PvException(operation.Channel.Name, operation.Operation, $"the circuit to {circuit.Server} was lost: {reason}", Eca.Disconn));
            }

            circuit.Pending.Clear();
            if (!_disposed)
            {
                Kick();
            }
        }

        if (!_disposed)
        {
            CaClientLog.CircuitLost(Logger, circuit.Server, reason, count);
        }
    }

    internal void OnAccessRights(CaCircuitConnection circuit, uint cid, AccessRights rights)
    {
        if (_byCid.TryGetValue(cid, out var channel) && channel.Connection == circuit)
        {
            channel.OnAccessRights(rights);
        }
    }

    internal void OnChannelCreated(CaCircuitConnection circuit, uint cid, uint sid, ushort nativeType, uint count)
    {
        if (_byCid.TryGetValue(cid, out var channel) && channel.Connection == circuit)
        {
            channel.OnCreated(sid, nativeType, count);
            return;
        }

        // The channel was closed while its creation was under way.
        circuit.Circuit.ClearChannel(sid, cid);
    }

    internal void OnChannelRefused(CaCircuitConnection circuit, uint cid, string reason)
    {
        if (!_byCid.TryGetValue(cid, out var channel) || channel.Connection != circuit)
        {
            return;
        }

        var now = Time.GetUtcNow();
        channel.Detach(reason);
        _scheduler.Add(channel.Cid, channel.Name, now + DisconnectGovernorPeriod);
        Kick();
    }

    internal void OnReadCompleted(CaCircuitConnection circuit, uint ioid, EcaStatus status, DbrValue? value, string? error)
    {
        if (!circuit.Pending.Remove(ioid, out var operation))
        {
            CaClientLog.UnknownReply(Logger, CaCommand.ReadNotify, ioid, circuit.Server);
            return;
        }

        if (operation.Kind == PendingOperationKind.Metadata)
        {
            operation.Channel.OnMetadata(status, value);
        }
        else if (value is not null)
        {
            operation.Succeed(value);
        }
        else
        {
            operation.Fail(new PvException(operation.Channel.Name, "get", error ?? status.Description, status));
        }
    }

    internal void OnWriteCompleted(CaCircuitConnection circuit, uint ioid, EcaStatus status)
    {
        if (!circuit.Pending.Remove(ioid, out var operation))
        {
            CaClientLog.UnknownReply(Logger, CaCommand.WriteNotify, ioid, circuit.Server);
            return;
        }

        if (status == Eca.Normal)
        {
            operation.Succeed(null);
        }
        else
        {
            operation.Fail(new PvException(operation.Channel.Name, "put", status.Description, status));
        }
    }

    internal void OnSubscriptionUpdate(CaCircuitConnection circuit, uint subscriptionId, EcaStatus status, DbrValue? value, string? error)
    {
        if (!_subscriptions.TryGetValue(subscriptionId, out var subscription) || ((CaChannel)subscription.Channel).Connection != circuit)
        {
            return;
        }

        if (value is not null)
        {
            subscription.Deliver(value);
        }
        else
        {
            CaClientLog.SubscriptionUpdateFailed(Logger, subscription.Channel.Name, status.Name, error);
        }
    }

    internal void OnServerError(CaCircuitConnection circuit, ErrorResponse error)
    {
        var request = error.Request;
        var status = error.EcaStatus;
        var text = string.IsNullOrEmpty(error.Text) ? status.Description : error.Text;
        if (request.Command is CaCommand.ReadNotify or CaCommand.WriteNotify && circuit.Pending.Remove(request.Parameter2, out var operation))
        {
            if (operation.Kind == PendingOperationKind.Metadata)
            {
                operation.Channel.OnMetadata(status, null);
            }
            else
            {
                operation.Fail(new PvException(operation.Channel.Name, operation.Operation, text, status));
            }

            return;
        }

        var name = request.Command switch
        {
            CaCommand.EventAdd when _subscriptions.TryGetValue(request.Parameter2, out var subscription) => subscription.Channel.Name,
            CaCommand.Write when _byCid.TryGetValue(request.Parameter2, out var channel) => channel.Name,
            _ when _byCid.TryGetValue(error.Cid, out var channel) => channel.Name,
            _ => $"(cid {error.Cid})",
        };
        var args = new CaServerErrorEventArgs(name, status, request.Command, text);
        _serverErrors.Post(() =>
        {
            var handler = ServerError;
            if (handler is null)
            {
                CaClientLog.ServerError(Logger, args.PvName, args.Status, args.Request, args.Message);
            }
            else
            {
                handler(this, args);
            }
        });
    }

    internal void OnOversizedResponse(CaCircuitConnection circuit, CaHeader header)
    {
        CaClientLog.OversizedResponse(Logger, header.Command, header.PayloadSize, circuit.Server);
        if (header.Command == CaCommand.ReadNotify && circuit.Pending.Remove(header.Parameter2, out var operation))
        {
            var message = $"the {header.PayloadSize}-byte reply exceeds EPICS_CA_MAX_ARRAY_BYTES ({Options.MaxArrayBytes})";
            if (operation.Kind == PendingOperationKind.Metadata)
            {
                operation.Channel.OnMetadata(Eca.Tolarge, null);
            }
            else
            {
                operation.Fail(new PvException(operation.Channel.Name, "get", message, Eca.Tolarge));
            }
        }
    }

    private static IPAddress Address(uint networkOrder)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, networkOrder);
        return new IPAddress(bytes);
    }
}
