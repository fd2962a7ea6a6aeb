using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Messages;
using Hyperion.ChannelAccess.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// The server side of one Channel Access virtual circuit, sans I/O: bytes from the client go in through
/// <see cref="Receive"/>, replies come out through <see cref="TryTakeOutput"/>. It keeps the circuit's channels
/// (client id ↔ server id), their subscriptions and the client's identity; converts between DBR types; answers
/// reads, writes (a WRITE_NOTIFY is answered when the PV's write completes, while other requests keep being served)
/// and subscriptions (the first update at once, later ones when an update's event classes meet the mask, merged to
/// the latest per subscription under flow control or back-pressure).
/// <para>
/// Errors follow EPICS base: protocol corruption (a misaligned message, an unknown command, a payload that does not
/// hold what its header announces) is answered with ERROR(ECA_INTERNAL) and closes the circuit, as rsrv does; a
/// request too large for EPICS_CA_MAX_ARRAY_BYTES gets ERROR(ECA_TOLARGE) and is skipped; a request naming an unknown
/// channel, an invalid DBR type or too many elements gets ERROR with ECA_BADCHID, ECA_BADTYPE or ECA_BADCOUNT and the
/// circuit goes on, as the portable server (casStrmClient) does; refusals of a valid request travel in its own reply
/// where it has one (READ_NOTIFY, WRITE_NOTIFY, EVENT_ADD) and in an ERROR otherwise.
/// </para>
/// <para>
/// Threading: <see cref="Receive"/> is called by one reader at a time; PV updates and write completions arrive on
/// any thread and are queued under the output lock; <see cref="OutputAvailable"/> tells the adapter to send.
/// </para>
/// </summary>
public sealed class ServerCircuit : IDisposable
{
    private const uint InvalidResourceId = uint.MaxValue;
    private const int MaxNameLength = 512;
    private const ushort MaxPriority = 99;
    private const int MaxErrorTextLength = 400;
    private const ushort OldestSupportedMinorVersion = 4;
    private const ushort LargeArrayMinorVersion = 9;

    private readonly IPvProvider _provider;
    private readonly ServerCircuitOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _outputLock = new();
    private readonly CircuitOutput _output = new();
    private readonly UpdateQueue _updates;
    private readonly ConcurrentDictionary<uint, ServerChannel> _channels = new();
    private readonly CancellationTokenSource _closing = new();
    private uint _lastSid;
    private long _bytesToDrain;
    private bool _eventsOff;
    private bool _closed;
    private bool _disposed;
    private ushort _minorVersion;

    /// <summary>Creates the circuit for a client that has just connected; it queues the server's VERSION, as rsrv does.</summary>
    /// <param name="provider">The PVs served.</param>
    /// <param name="options">Limits and the server's port.</param>
    /// <param name="remote">The client's address (part of its identity for access rights).</param>
    /// <param name="logger">Where protocol problems are reported.</param>
    public ServerCircuit(IPvProvider provider, ServerCircuitOptions? options = null, IPEndPoint? remote = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
        _options = options ?? new ServerCircuitOptions();
        _logger = logger ?? NullLogger.Instance;
        _updates = new UpdateQueue(_options.MaxQueuedUpdates);
        Client = new ClientIdentity(string.Empty, string.Empty, remote);
        _output.WriteHeader(new CaHeader(CaCommand.Version, 0, 0, CaProtocol.MinorVersion, 0, 0));
    }

    /// <summary>Who the client says it is (CLIENT_NAME, HOST_NAME) and where it connects from.</summary>
    public ClientIdentity Client { get; private set; }

    /// <summary>The client's minor protocol version (from VERSION or CREATE_CHAN; 0 until it says).</summary>
    public ushort ClientMinorVersion => _minorVersion;

    /// <summary>True once the client broke the protocol or the circuit was disposed.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_outputLock)
            {
                return _closed;
            }
        }
    }

    /// <summary>Why the circuit closed, when it did.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>The number of open channels.</summary>
    public int ChannelCount => _channels.Count;

    /// <summary>Bytes queued for the client and not yet taken.</summary>
    public int PendingOutputBytes
    {
        get
        {
            lock (_outputLock)
            {
                return _output.Length;
            }
        }
    }

    /// <summary>True when queued output has reached <see cref="ServerCircuitOptions.OutputHighWater"/>: stop reading requests until it drains.</summary>
    public bool IsOutputCongested => PendingOutputBytes >= _options.OutputHighWater;

    /// <summary>
    /// Called (on the thread that produced it) when output was queued outside <see cref="Receive"/>: a subscription
    /// update or a completed write. The adapter then calls <see cref="TryTakeOutput"/>.
    /// </summary>
    public Action? OutputAvailable { get; set; }

    /// <summary>
    /// Takes every complete message from the start of <paramref name="buffer"/> (advancing it) and handles it;
    /// an incomplete message is left for the next call. Returns <see cref="CircuitStatus.Closed"/> once the client
    /// has broken the protocol: send the queued output (it ends with the ERROR saying why) and close.
    /// </summary>
    public CircuitStatus Receive(ref ReadOnlySequence<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!_closed)
        {
            if (_bytesToDrain > 0)
            {
                var skip = Math.Min(buffer.Length, _bytesToDrain);
                buffer = buffer.Slice(skip);
                _bytesToDrain -= skip;
                if (_bytesToDrain > 0)
                {
                    break;
                }
            }

            // Fast path: whole messages in the first segment are handled straight from its span.
            var consumed = ReceiveContiguous(buffer.FirstSpan);
            if (consumed > 0)
            {
                buffer = buffer.Slice(consumed);
                continue;
            }

            if (_closed || _bytesToDrain > 0)
            {
                continue;
            }

            // A message that crosses segments.
            if (!ReceiveOne(ref buffer))
            {
                break;
            }
        }

        return _closed ? CircuitStatus.Closed : CircuitStatus.Open;
    }

    /// <summary>
    /// Takes the queued output (replies, then waiting subscription updates up to the high-water mark) for sending.
    /// Returns false when there is nothing to send or the previous output has not been released. Call
    /// <see cref="ReleaseOutput"/> once the bytes are on their way.
    /// </summary>
    public bool TryTakeOutput(out ReadOnlyMemory<byte> output)
    {
        lock (_outputLock)
        {
            if (_output.IsTaken || _disposed)
            {
                output = default;
                return false;
            }

            DrainUpdates();
            if (_output.Length == 0)
            {
                output = default;
                return false;
            }

            output = _output.Take();
            return true;
        }
    }

    /// <summary>Gives back the buffer of the last <see cref="TryTakeOutput"/>.</summary>
    public void ReleaseOutput()
    {
        lock (_outputLock)
        {
            _output.Release();
        }
    }

    /// <summary>
    /// Drops the channels whose PV <paramref name="matches"/> (the PV was withdrawn by its provider): each gets
    /// SERVER_DISCONN, as rsrv sends when a PV goes, and its subscriptions end; the client searches for it again.
    /// Called from any thread.
    /// </summary>
    /// <returns>How many channels were dropped.</returns>
    public int Withdraw(Func<string, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var dropped = new List<ServerChannel>();
        foreach (var (sid, channel) in _channels)
        {
            if (matches(channel.Pv.Name) && _channels.TryRemove(sid, out var removed))
            {
                dropped.Add(removed);
            }
        }

        if (dropped.Count == 0)
        {
            return 0;
        }

        var subscriptions = new List<IDisposable>();
        lock (_outputLock)
        {
            foreach (var channel in dropped)
            {
                channel.IsOpen = false;
                foreach (var sub in channel.Subscriptions.ToArray())
                {
                    sub.Cancelled = true;
                    if (sub.PvSubscription is not null)
                    {
                        subscriptions.Add(sub.PvSubscription);
                    }
                }

                if (!_closed)
                {
                    _output.WriteHeader(new CaHeader(CaCommand.ServerDisconn, 0, 0, 0, channel.Cid, 0));
                }
            }
        }

        foreach (var subscription in subscriptions)
        {
            DisposeQuietly(subscription);
        }

        OutputAvailable?.Invoke();
        return dropped.Count;
    }

    /// <summary>Closes every channel and subscription and cancels writes in progress.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        var subscriptions = new List<IDisposable>();
        lock (_outputLock)
        {
            _disposed = true;
            _closed = true;
            CloseReason ??= "disposed";
            foreach (var channel in _channels.Values)
            {
                channel.IsOpen = false;
                foreach (var sub in channel.Subscriptions)
                {
                    sub.Cancelled = true;
                    if (sub.PvSubscription is not null)
                    {
                        subscriptions.Add(sub.PvSubscription);
                    }
                }
            }
        }

        _channels.Clear();
        foreach (var subscription in subscriptions)
        {
            DisposeQuietly(subscription);
        }

        _closing.Cancel();
        _closing.Dispose();
        lock (_outputLock)
        {
            _output.Dispose();
        }
    }

    private int ReceiveContiguous(ReadOnlySpan<byte> span)
    {
        var offset = 0;
        while (!_closed)
        {
            var rest = span[offset..];
            if (!CaHeader.TryRead(rest, out var header, out var headerSize) || !Admit(header, headerSize, out var total) || total > rest.Length)
            {
                break;
            }

            Process(header, rest.Slice(headerSize, (int)header.PayloadSize));
            offset += (int)total;
        }

        return offset;
    }

    private bool ReceiveOne(ref ReadOnlySequence<byte> buffer)
    {
        Span<byte> headerBytes = stackalloc byte[CaProtocol.ExtendedHeaderSize];
        var available = (int)Math.Min(buffer.Length, CaProtocol.ExtendedHeaderSize);
        buffer.Slice(0, available).CopyTo(headerBytes);
        if (!CaHeader.TryRead(headerBytes[..available], out var header, out var headerSize))
        {
            return false;
        }

        if (!Admit(header, headerSize, out var total))
        {
            // Closed, or draining an oversized message: either way the caller's loop moves on.
            return true;
        }

        if (buffer.Length < total)
        {
            return false;
        }

        var payload = buffer.Slice(headerSize, header.PayloadSize);
        var rented = ArrayPool<byte>.Shared.Rent((int)payload.Length);
        try
        {
            payload.CopyTo(rented);
            Process(header, rented.AsSpan(0, (int)payload.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        buffer = buffer.Slice(total);
        return true;
    }

    /// <summary>Checks a header before its payload is read: alignment (else the circuit closes) and size (else ECA_TOLARGE and a drain).</summary>
    private bool Admit(in CaHeader header, int headerSize, out long total)
    {
        total = headerSize + (long)header.PayloadSize;

        // rsrv and casStrmClient both disconnect clients that do not keep payloads 8-byte aligned.
        if ((header.PayloadSize & 7) != 0)
        {
            Violation(header, $"CAS: Missaligned protocol rejected ({header.Command} announces a {header.PayloadSize}-byte payload)");
            return false;
        }

        if (header.PayloadSize > (uint)_options.MaxArrayBytes)
        {
            // Both base servers answer ECA_TOLARGE and drain the message, keeping the circuit.
            SendError(header, InvalidResourceId, Eca.Tolarge,
                $"CAS: Server unable to load large request message. Max bytes={_options.MaxArrayBytes}");
            _bytesToDrain = total;
            return false;
        }

        return true;
    }

    private void Process(in CaHeader header, ReadOnlySpan<byte> payload)
    {
        switch (header.Command)
        {
            case CaCommand.Version:
                OnVersion(header);
                break;
            case CaCommand.Echo:
                Echo(header, payload);
                break;
            case CaCommand.Search:
                OnSearch(header, payload);
                break;
            case CaCommand.CreateChan:
                OnCreateChannel(header, payload);
                break;
            case CaCommand.ClientName:
            case CaCommand.HostName:
                OnIdentity(header, payload);
                break;
            case CaCommand.ReadNotify:
            case CaCommand.Read:
                OnRead(header);
                break;
            case CaCommand.Write:
            case CaCommand.WriteNotify:
                OnWrite(header, payload);
                break;
            case CaCommand.EventAdd:
                OnEventAdd(header, payload);
                break;
            case CaCommand.EventCancel:
                OnEventCancel(header);
                break;
            case CaCommand.EventsOff:
                SetEventsOff(true);
                break;
            case CaCommand.EventsOn:
                SetEventsOff(false);
                break;
            case CaCommand.ReadSync:
                WriteHeader(new CaHeader(CaCommand.ReadSync, 0, header.DataType, header.DataCount, header.Parameter1, header.Parameter2));
                break;
            case CaCommand.ClearChannel:
                OnClearChannel(header);
                break;
            default:
                Violation(header, $"Invalid Request Code {(ushort)header.Command}");
                break;
        }
    }

    private void OnVersion(in CaHeader header)
    {
        // rsrv drops clients asking for a priority beyond CA_PROTO_PRIORITY_MAX or speaking a version before 4.4.
        if (header.DataType > MaxPriority)
        {
            Close($"VERSION asks for priority {header.DataType}, beyond {MaxPriority}");
            return;
        }

        if (header.DataCount < OldestSupportedMinorVersion)
        {
            Close($"client protocol version 4.{header.DataCount} is too old");
            return;
        }

        _minorVersion = (ushort)header.DataCount;
    }

    private void Echo(in CaHeader header, ReadOnlySpan<byte> payload)
    {
        lock (_outputLock)
        {
            var span = _output.GetSpan(header.Size + payload.Length);
            var written = header.Write(span);
            payload.CopyTo(span[written..]);
            _output.Advance(written + payload.Length);
        }
    }

    private void OnSearch(in CaHeader header, ReadOnlySpan<byte> payload)
    {
        if (header.DataCount < OldestSupportedMinorVersion)
        {
            Close($"search from a client speaking protocol version 4.{header.DataCount}");
            return;
        }

        if (payload.Length <= 1)
        {
            return;
        }

        var name = CaStrings.Read(payload);
        if (name.Length == 0)
        {
            return;
        }

        if (FindPv(name) is null)
        {
            if (header.DataType == CaProtocol.DoReply)
            {
                WriteHeader(new CaHeader(CaCommand.NotFound, 0, header.DataType, header.DataCount, header.Parameter1, header.Parameter2));
            }

            return;
        }

        // Over TCP the reply is the header alone: the client already knows our address (search_reply_tcp).
        WriteHeader(new CaHeader(CaCommand.Search, 0, _options.ServerPort, 0, InvalidResourceId, header.Parameter2));
    }

    private void OnCreateChannel(in CaHeader header, ReadOnlySpan<byte> payload)
    {
        var cid = header.Parameter1;
        if (header.Parameter2 < 0xFFFF)
        {
            _minorVersion = (ushort)header.Parameter2;
        }

        if (_minorVersion < OldestSupportedMinorVersion)
        {
            SendError(header, cid, Eca.Defunct, "R3.11 connect sequence from old client was ignored");
            Close($"CREATE_CHAN from a client speaking protocol version 4.{_minorVersion}");
            return;
        }

        var name = payload.Length > 1 ? CaStrings.Read(payload) : string.Empty;
        var pv = name.Length == 0 || name.Length > MaxNameLength ? null : FindPv(name);
        if (pv is null)
        {
            WriteHeader(new CaHeader(CaCommand.CreateChFail, 0, 0, 0, cid, 0));
            return;
        }

        AccessRights rights;
        int maxElements;
        DbrType nativeType;
        try
        {
            rights = pv.RightsFor(Client) & AccessRights.ReadWrite;
            maxElements = Math.Max(pv.MaxElements, 0);
            nativeType = pv.NativeType;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CaServerLog.ReadFailed(_logger, name, ex);
            WriteHeader(new CaHeader(CaCommand.CreateChFail, 0, 0, 0, cid, 0));
            return;
        }

        var sid = NextSid();
        _channels.TryAdd(sid, new ServerChannel(cid, sid, pv, rights));
        var count = (uint)maxElements;
        if (_minorVersion < LargeArrayMinorVersion && count >= 0xFFFF)
        {
            count = 0xFFFE;
        }

        lock (_outputLock)
        {
            // ACCESS_RIGHTS first, then the create reply (claim_ciu_reply).
            _output.WriteHeader(new CaHeader(CaCommand.AccessRights, 0, 0, 0, cid, (uint)rights));
            _output.WriteHeader(new CaHeader(CaCommand.CreateChan, 0, (ushort)nativeType, count, cid, sid));
        }
    }

    private void OnIdentity(in CaHeader header, ReadOnlySpan<byte> payload)
    {
        var what = header.Command == CaCommand.ClientName ? "user" : "host";
        if (!_channels.IsEmpty)
        {
            SendError(header, InvalidResourceId, Eca.Internal,
                $"attempts to use protocol to set {what} name after creating first channel ignored by server");
            return;
        }

        var end = payload.IndexOf((byte)0);
        if (end < 0 || end + 1 > MaxNameLength)
        {
            Violation(header, $"a bad (very long or unterminated) {what} name was specified");
            return;
        }

        var name = CaStrings.Read(payload);
        Client = header.Command == CaCommand.ClientName ? Client with { UserName = name } : Client with { HostName = name };
    }

    private void OnRead(in CaHeader header)
    {
        if (!TryGetDataChannel(header, allowZeroCount: true, out var channel))
        {
            return;
        }

        var notify = header.Command == CaCommand.ReadNotify;
        if (!channel.CanRead)
        {
            Refuse(header, channel, Eca.Nordaccess, notify, $"{channel.Pv.Name}: read access denied");
            return;
        }

        if (!TryReadValue(channel, out var value))
        {
            Refuse(header, channel, Eca.Getfail, notify, $"{channel.Pv.Name}: read failed");
            return;
        }

        // READ_NOTIFY carries the status in p1; the deprecated READ carries the channel's client id there.
        var p1 = notify ? (uint)Eca.Normal.Value : channel.Cid;
        var prepared = Prepare(channel.Pv, header.DataType, header.DataCount, value, out var converted, out var count);
        lock (_outputLock)
        {
            WriteValueOrFailure(header, channel, prepared, converted, count, p1, notify);
        }
    }

    private void OnWrite(in CaHeader header, ReadOnlySpan<byte> payload)
    {
        if (!TryGetDataChannel(header, allowZeroCount: false, out var channel))
        {
            return;
        }

        var type = (DbrType)header.DataType;
        var needed = DbrTypes.Size(type, (int)header.DataCount);
        byte[]? padded = null;
        if (payload.Length < needed)
        {
            // libca sends a single DBR_STRING as strlen + 1 padded to 8 bytes, not the whole 40: the rest is NULs.
            if (DbrTypes.ValueTypeOf(type) != DbrType.String)
            {
                Violation(header, $"{header.Command} of {header.DataCount} {DbrTypes.CName(type)} needs {needed} bytes but carries {payload.Length}");
                return;
            }

            padded = new byte[needed];
            payload.CopyTo(padded);
            payload = padded;
        }

        var notify = header.Command == CaCommand.WriteNotify;
        if (!channel.CanWrite)
        {
            CompleteWrite(channel, header, notify, Eca.Nowtaccess);
            return;
        }

        var converted = PvValueConversion.ConvertWrite(
            type, (int)header.DataCount, payload, channel.Pv.NativeType, () => TryReadValue(channel, out var current) ? current : null, out var value, out var error);
        if (converted != Eca.Normal)
        {
            if (error is not null)
            {
                CaServerLog.ConversionRefused(_logger, Client.Endpoint, converted.Name, channel.Pv.Name, error.Message);
            }

            CompleteWrite(channel, header, notify, converted);
            return;
        }

        ValueTask<EcaStatus> pending;
        try
        {
            pending = channel.Pv.WriteAsync(value, Client, _closing.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CaServerLog.WriteFailed(_logger, channel.Pv.Name, ex);
            CompleteWrite(channel, header, notify, Eca.Putfail);
            return;
        }

        if (pending.IsCompleted)
        {
            CompleteWrite(channel, header, notify, ResultOf(pending, channel));
        }
        else
        {
            _ = AwaitWriteAsync(pending, channel, header, notify);
        }
    }

    private async Task AwaitWriteAsync(ValueTask<EcaStatus> pending, ServerChannel channel, CaHeader header, bool notify)
    {
        var status = await PvValueConversion.AwaitWriteAsync(pending, ex => CaServerLog.WriteFailed(_logger, channel.Pv.Name, ex)).ConfigureAwait(false);
        if (CompleteWrite(channel, header, notify, status))
        {
            OutputAvailable?.Invoke();
        }
    }

    private EcaStatus ResultOf(ValueTask<EcaStatus> completed, ServerChannel channel)
    {
        var status = PvValueConversion.ResultOf(completed, out var error);
        if (error is not null)
        {
            CaServerLog.WriteFailed(_logger, channel.Pv.Name, error);
        }

        return status;
    }

    /// <summary>Answers a write: WRITE_NOTIFY always gets its reply; WRITE only an ERROR when it failed. Returns true when something was queued.</summary>
    private bool CompleteWrite(ServerChannel channel, CaHeader header, bool notify, EcaStatus status)
    {
        lock (_outputLock)
        {
            if (_closed || !channel.IsOpen)
            {
                return false;
            }

            if (notify)
            {
                _output.WriteHeader(new CaHeader(CaCommand.WriteNotify, 0, header.DataType, header.DataCount, (uint)status.Value, header.Parameter2));
                return true;
            }

            if (status.IsSuccess)
            {
                return false;
            }

            WriteErrorLocked(header, channel.Cid, status, channel.Pv.Name);
            return true;
        }
    }

    private void OnEventAdd(in CaHeader header, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 16)
        {
            Violation(header, $"EVENT_ADD needs a 16-byte payload (the mask at bytes 12-13) but has {payload.Length}");
            return;
        }

        if (!TryGetDataChannel(header, allowZeroCount: true, out var channel))
        {
            return;
        }

        var mask = (EventMask)(BinaryPrimitives.ReadUInt16BigEndian(payload[12..]) & 0x0F);
        if (mask == EventMask.None)
        {
            SendError(header, channel.Cid, Eca.Badmask, $"event add req with mask=0X{BinaryPrimitives.ReadUInt16BigEndian(payload[12..]):X}");
            return;
        }

        var sub = new ServerSubscription(channel, header.Parameter2, header.DataType, header.DataCount, mask);
        channel.Subscriptions.Add(sub);
        if (!channel.CanRead)
        {
            // The first update says ECA_NORDACCESS with zeroed data; none follow (rsrv disables the event).
            lock (_outputLock)
            {
                sub.InitialSent = true;
                WriteFailureLocked(CaCommand.EventAdd, header.DataType, header.DataCount, Eca.Nordaccess, sub.SubscriptionId, header, channel);
            }

            return;
        }

        try
        {
            sub.PvSubscription = channel.Pv.Subscribe(update => OnPvUpdate(sub, update));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CaServerLog.SubscribeFailed(_logger, channel.Pv.Name, ex);
        }

        // Always send the current value at once (event_add_action's db_post_single_event).
        var prepared = Eca.Getfail;
        DbrValue converted = null!;
        var count = 0;
        if (TryReadValue(channel, out var value))
        {
            prepared = Prepare(channel.Pv, sub.DataType, sub.Count, value, out converted, out count);
        }

        lock (_outputLock)
        {
            WriteValueOrFailure(header, channel, prepared, converted, count, (uint)Eca.Normal.Value, notify: true);
            sub.InitialSent = true;
            if (sub.EarlyUpdate is { } early)
            {
                sub.EarlyUpdate = null;
                _updates.Enqueue(sub, early, _eventsOff);
            }
        }
    }

    private void OnPvUpdate(ServerSubscription sub, PvUpdate update)
    {
        if (update is null || (update.Events & sub.Mask) == 0)
        {
            return;
        }

        lock (_outputLock)
        {
            if (_closed || sub.Cancelled)
            {
                return;
            }

            if (!sub.InitialSent)
            {
                sub.EarlyUpdate = update.Value;
                return;
            }

            _updates.Enqueue(sub, update.Value, _eventsOff);
            if (_eventsOff || _output.IsTaken)
            {
                // Nothing to send now: the sender drains the queue when its current send completes or events resume.
                return;
            }
        }

        OutputAvailable?.Invoke();
    }

    private void OnEventCancel(in CaHeader header)
    {
        // Both base servers drop a circuit whose client cancels a subscription it never had.
        if (!_channels.TryGetValue(header.Parameter1, out var channel))
        {
            SendError(header, InvalidResourceId, Eca.Badchid, $"EVENT_CANCEL names unknown channel {header.Parameter1}");
            Close($"EVENT_CANCEL names unknown channel {header.Parameter1}");
            return;
        }

        var subscriptionId = header.Parameter2;
        var index = channel.Subscriptions.FindIndex(s => s.SubscriptionId == subscriptionId);
        if (index < 0)
        {
            SendError(header, channel.Cid, Eca.Badmonid, $"{channel.Pv.Name}: no subscription {header.Parameter2}");
            Close($"EVENT_CANCEL names unknown subscription {header.Parameter2} of {channel.Pv.Name}");
            return;
        }

        var sub = channel.Subscriptions[index];
        channel.Subscriptions.RemoveAt(index);
        lock (_outputLock)
        {
            sub.Cancelled = true;
            _output.WriteHeader(new CaHeader(CaCommand.EventAdd, 0, sub.DataType, sub.Count, header.Parameter1, sub.SubscriptionId));
        }

        DisposeQuietly(sub.PvSubscription);
    }

    private void OnClearChannel(in CaHeader header)
    {
        _channels.TryRemove(header.Parameter1, out var channel);
        lock (_outputLock)
        {
            if (channel is not null)
            {
                channel.IsOpen = false;
                foreach (var sub in channel.Subscriptions)
                {
                    sub.Cancelled = true;
                }
            }

            _output.WriteHeader(new CaHeader(CaCommand.ClearChannel, 0, header.DataType, header.DataCount, header.Parameter1, header.Parameter2));
            if (channel is null)
            {
                // casStrmClient confirms anyway and warns, keeping the circuit (the PV may just have gone).
                WriteErrorLocked(header, InvalidResourceId, Eca.Badchid, $"CLEAR_CHANNEL names unknown channel {header.Parameter1}");
            }
        }

        if (channel is not null)
        {
            foreach (var sub in channel.Subscriptions)
            {
                DisposeQuietly(sub.PvSubscription);
            }

            channel.Subscriptions.Clear();
        }
    }

    private void SetEventsOff(bool off)
    {
        lock (_outputLock)
        {
            _eventsOff = off;
        }
    }

    /// <summary>Finds the request's channel and checks its type and count, answering ECA_BADCHID, ECA_BADTYPE or ECA_BADCOUNT.</summary>
    private bool TryGetDataChannel(in CaHeader header, bool allowZeroCount, out ServerChannel channel)
    {
        if (!_channels.TryGetValue(header.Parameter1, out channel!))
        {
            SendError(header, InvalidResourceId, Eca.Badchid, $"{header.Command} names unknown channel {header.Parameter1}");
            return false;
        }

        if (!DbrTypes.IsValid(header.DataType))
        {
            SendError(header, channel.Cid, Eca.Badtype, $"{channel.Pv.Name}: DBR type {header.DataType} is not a DBR type");
            return false;
        }

        if (!PvValueConversion.CountFits(header.DataCount, channel.Pv.MaxElements, allowZeroCount))
        {
            SendError(header, channel.Cid, Eca.Badcount, $"{channel.Pv.Name}: {header.DataCount} elements requested, the PV has {channel.Pv.MaxElements}");
            return false;
        }

        return true;
    }

    private bool TryReadValue(ServerChannel channel, out DbrValue value)
    {
        try
        {
            value = channel.Pv.Read();
            return value is not null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CaServerLog.ReadFailed(_logger, channel.Pv.Name, ex);
            value = null!;
            return false;
        }
    }

    /// <summary>Converts <paramref name="value"/> for a reply of <paramref name="dataType"/>; returns ECA_NORMAL, ECA_GETFAIL or ECA_TOLARGE.</summary>
    private EcaStatus Prepare(IServerPv pv, ushort dataType, uint requested, DbrValue value, out DbrValue converted, out int count)
    {
        var status = PvValueConversion.Prepare(pv, (DbrType)dataType, requested, value, _options.MaxArrayBytes, out converted, out count, out var error);
        if (error is not null)
        {
            CaServerLog.RequestRefused(_logger, Client.Endpoint, status.Name, error.Message);
        }

        return status;
    }

    /// <summary>Writes a data reply (READ_NOTIFY, READ or EVENT_ADD) or, when preparing failed, base's failure answer.</summary>
    private void WriteValueOrFailure(in CaHeader request, ServerChannel channel, EcaStatus prepared, DbrValue converted, int count, uint p1, bool notify)
    {
        if (prepared == Eca.Normal)
        {
            WriteDataLocked(request.Command == CaCommand.EventAdd ? CaCommand.EventAdd : request.Command, request.DataType, converted, count, p1, request.Parameter2);
        }
        else if (prepared == Eca.Getfail && notify)
        {
            WriteFailureLocked(request.Command, request.DataType, request.DataCount, Eca.Getfail, request.Parameter2, request, channel);
        }
        else
        {
            var detail = prepared == Eca.Tolarge
                ? $"{channel.Pv.Name}: unable to fit the response into the server's buffer (EPICS_CA_MAX_ARRAY_BYTES={_options.MaxArrayBytes})"
                : $"{channel.Pv.Name}: read failed";
            WriteErrorLocked(request, channel.Cid, prepared, detail);
        }
    }

    private void WriteDataLocked(CaCommand command, ushort dataType, DbrValue converted, int count, uint p1, uint p2)
    {
        var type = (DbrType)dataType;
        var size = DbrTypes.Size(type, count);
        var padded = CaProtocol.Pad8(size);
        var header = new CaHeader(command, (uint)padded, dataType, (uint)count, p1, p2);
        var span = _output.GetSpan(header.Size + padded);
        var written = header.Write(span);
        DbrCodec.Encode(type, converted, count, span.Slice(written, size));
        span.Slice(written + size, padded - size).Clear();
        _output.Advance(written + padded);
    }

    /// <summary>A READ_NOTIFY or EVENT_ADD reply that carries a failure status and zeroed data of the requested size.</summary>
    private void WriteFailureLocked(CaCommand command, ushort dataType, uint count, EcaStatus status, uint p2, in CaHeader request, ServerChannel channel)
    {
        var size = DbrTypes.Size((DbrType)dataType, (int)count);
        if (size > _options.MaxArrayBytes)
        {
            WriteErrorLocked(request, channel.Cid, Eca.Tolarge, $"{channel.Pv.Name}: unable to fit the response into the server's buffer");
            return;
        }

        var padded = CaProtocol.Pad8(size);
        var header = new CaHeader(command, (uint)padded, dataType, count, (uint)status.Value, p2);
        var span = _output.GetSpan(header.Size + padded);
        var written = header.Write(span);
        span.Slice(written, padded).Clear();
        _output.Advance(written + padded);
    }

    /// <summary>Refuses a read: in the READ_NOTIFY reply itself, or with an ERROR for the deprecated READ.</summary>
    private void Refuse(in CaHeader header, ServerChannel channel, EcaStatus status, bool notify, string detail)
    {
        CaServerLog.RequestRefused(_logger, Client.Endpoint, status.Name, detail);
        lock (_outputLock)
        {
            if (notify)
            {
                WriteFailureLocked(header.Command, header.DataType, header.DataCount, status, header.Parameter2, header, channel);
            }
            else
            {
                WriteErrorLocked(header, channel.Cid, status, detail);
            }
        }
    }

    private void DrainUpdates()
    {
        while (_output.Length < _options.OutputHighWater && _updates.TryDequeue(_eventsOff, out var sub, out var value))
        {
            var request = new CaHeader(CaCommand.EventAdd, 16, sub.DataType, sub.Count, sub.Channel.Sid, sub.SubscriptionId);
            var prepared = Prepare(sub.Channel.Pv, sub.DataType, sub.Count, value, out var converted, out var count);
            WriteValueOrFailure(request, sub.Channel, prepared, converted, count, (uint)Eca.Normal.Value, notify: true);
        }
    }

    private IServerPv? FindPv(string name)
    {
        try
        {
            return _provider.Find(name);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CaServerLog.ReadFailed(_logger, name, ex);
            return null;
        }
    }

    private uint NextSid()
    {
        do
        {
            _lastSid = unchecked(_lastSid + 1);
        }
        while (_lastSid == InvalidResourceId || _channels.ContainsKey(_lastSid));

        return _lastSid;
    }

    private void WriteHeader(in CaHeader header)
    {
        lock (_outputLock)
        {
            _output.WriteHeader(header);
        }
    }

    private void SendError(in CaHeader request, uint cid, EcaStatus status, string text)
    {
        CaServerLog.RequestRefused(_logger, Client.Endpoint, status.Name, text);
        lock (_outputLock)
        {
            WriteErrorLocked(request, cid, status, text);
        }
    }

    private void WriteErrorLocked(in CaHeader request, uint cid, EcaStatus status, string text)
    {
        if (text.Length > MaxErrorTextLength)
        {
            text = text[..MaxErrorTextLength];
        }

        new ErrorResponse(cid, status.Value, request, text).Encode(_output);
    }

    /// <summary>Protocol corruption: ERROR(ECA_INTERNAL) with the offending header, then the circuit closes.</summary>
    private void Violation(in CaHeader header, string text)
    {
        var cid = header.Command switch
        {
            CaCommand.EventAdd or CaCommand.EventCancel or CaCommand.Read or CaCommand.ReadNotify or CaCommand.Write or CaCommand.WriteNotify
                => _channels.TryGetValue(header.Parameter1, out var channel) ? channel.Cid : InvalidResourceId,
            CaCommand.Search => header.Parameter1,
            _ => InvalidResourceId,
        };
        lock (_outputLock)
        {
            WriteErrorLocked(header, cid, Eca.Internal, text);
        }

        CaServerLog.ProtocolViolation(_logger, Client.Endpoint, text);
        Close(text);
    }

    private void Close(string reason)
    {
        lock (_outputLock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            CloseReason = reason;
        }
    }

    private static void DisposeQuietly(IDisposable? disposable)
    {
        try
        {
            disposable?.Dispose();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A provider failing to unsubscribe must not take the circuit down with it.
        }
    }
}
