using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Messages;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// Sans-I/O client side of one virtual circuit: it writes requests as bytes into an <see cref="CircuitOutbox"/>,
/// takes the server's bytes however they were split into reads, and reports each decoded reply to its
/// <see cref="IClientCircuitHandler"/>. It also keeps the receive watchdog of libca's tcpRecvWatchdog: a circuit
/// quiet for EPICS_CA_CONN_TMO is probed with an ECHO, and one that stays silent for the echo time-out is
/// declared unresponsive. A socket adapter drives it; tests drive it with byte arrays and explicit times.
/// Not thread-safe: the caller serializes access.
/// </summary>
internal sealed class ClientCircuit
{
    /// <summary>A sanity bound on payloads when buffers grow on demand (EPICS_CA_AUTO_ARRAY_BYTES=YES).</summary>
    public const uint AutoMaxPayload = int.MaxValue - 64;

    /// <summary>libca's contiguousMsgCountWhichTriggersFlowControl: reads in a row that left bytes waiting before EVENTS_OFF.</summary>
    public const int ContiguousReadsForFlowControl = 10;

    private const int StackMessageLimit = 512;

    private readonly IClientCircuitHandler _handler;
    private readonly TimeSpan _connectionTimeout;
    private readonly TimeSpan _echoTimeout;
    private readonly uint _maxPayload;
    private long _skip;
    private DateTimeOffset _lastReceive;
    private DateTimeOffset _echoSentAt;
    private bool _echoPending;
    private int _contiguousReads;

    /// <summary>Creates the circuit to <paramref name="server"/>, whose minor version the search reply gave.</summary>
    public ClientCircuit(IPEndPoint server, ushort serverMinorVersion, CaClientOptions options, IClientCircuitHandler handler, CircuitOutbox? outbox = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Server = server;
        ServerMinorVersion = serverMinorVersion;
        Options = options;
        _handler = handler;
        Outbox = outbox ?? new CircuitOutbox();
        _connectionTimeout = options.ConnectionTimeout;
        _echoTimeout = options.EchoTimeout;
        _maxPayload = options.AutoArrayBytes ? AutoMaxPayload : (uint)Math.Max(options.MaxArrayBytes, CaProtocol.DefaultMaxArrayBytes);
    }

    /// <summary>The server's address.</summary>
    public IPEndPoint Server { get; }

    /// <summary>The options the circuit was created with.</summary>
    public CaClientOptions Options { get; }

    /// <summary>The server's minor protocol version (from its search reply, then its VERSION message).</summary>
    public ushort ServerMinorVersion { get; private set; }

    /// <summary>True when the server accepts count 0 meaning "the current length" (CA_V413).</summary>
    public bool SupportsZeroCount => ServerMinorVersion >= 13;

    /// <summary>The bytes waiting to be sent.</summary>
    public CircuitOutbox Outbox { get; }

    /// <summary>The largest payload accepted or sent.</summary>
    public uint MaxPayload => _maxPayload;

    /// <summary>When the watchdog next needs <see cref="PollWatchdog"/>.</summary>
    public DateTimeOffset WatchdogDue => _echoPending ? _echoSentAt + _echoTimeout : _lastReceive + _connectionTimeout;

    /// <summary>True while the server has been asked to hold back subscription updates (EVENTS_OFF sent).</summary>
    public bool FlowControlActive { get; private set; }

    /// <summary>True while an ECHO probe is unanswered.</summary>
    public bool EchoPending => _echoPending;

    /// <summary>Queues the handshake libca sends first: VERSION (priority, minor version), CLIENT_NAME, HOST_NAME.</summary>
    public void Start(DateTimeOffset now)
    {
        _lastReceive = now;
        WriteHeader(new CaHeader(CaCommand.Version, 0, Options.Priority, CaProtocol.MinorVersion, 0, 0));
        WriteMessage(new ClientNameRequest(Options.UserName));
        WriteMessage(new HostNameRequest(Options.HostName));
    }

    /// <summary>CREATE_CHAN: asks for channel <paramref name="name"/> under client id <paramref name="cid"/>.</summary>
    public void CreateChannel(uint cid, string name) => WriteMessage(new CreateChanRequest(name, cid, CaProtocol.MinorVersion));

    /// <summary>READ_NOTIFY of <paramref name="count"/> elements as <paramref name="type"/> (0: the current length, or the native count on servers before V4.13).</summary>
    public void ReadNotify(DbrType type, uint count, uint nativeCount, uint sid, uint ioid) =>
        WriteHeader(new CaHeader(CaCommand.ReadNotify, 0, (ushort)type, EffectiveCount(count, nativeCount), sid, ioid));

    /// <summary>WRITE (no reply): writes <paramref name="value"/> as <paramref name="type"/>; libca puts the cid in p2 so errors can name the channel.</summary>
    public void Write(DbrType type, DbrValue value, uint sid, uint cid) => WriteData(CaCommand.Write, type, value, sid, cid);

    /// <summary>WRITE_NOTIFY: writes <paramref name="value"/> as <paramref name="type"/>; the server replies when processing finishes.</summary>
    public void WriteNotify(DbrType type, DbrValue value, uint sid, uint ioid) => WriteData(CaCommand.WriteNotify, type, value, sid, ioid);

    /// <summary>EVENT_ADD: subscribes as <paramref name="type"/> with <paramref name="mask"/> (16-byte payload: three unused floats, the mask, padding).</summary>
    public void EventAdd(DbrType type, uint count, uint nativeCount, uint sid, uint subscriptionId, EventMask mask)
    {
        Span<byte> message = stackalloc byte[CaProtocol.ExtendedHeaderSize + 16];
        var header = new CaHeader(CaCommand.EventAdd, 16, (ushort)type, EffectiveCount(count, nativeCount), sid, subscriptionId);
        var size = header.Write(message);
        var payload = message.Slice(size, 16);
        payload.Clear();
        BinaryPrimitives.WriteUInt16BigEndian(payload[12..], (ushort)mask);
        Outbox.Write(message[..(size + 16)]);
    }

    /// <summary>EVENT_CANCEL of a subscription (the server confirms with an empty EVENT_ADD).</summary>
    public void EventCancel(DbrType type, uint count, uint nativeCount, uint sid, uint subscriptionId) =>
        WriteHeader(new CaHeader(CaCommand.EventCancel, 0, (ushort)type, EffectiveCount(count, nativeCount), sid, subscriptionId));

    /// <summary>CLEAR_CHANNEL: closes a channel.</summary>
    public void ClearChannel(uint sid, uint cid) => WriteHeader(new CaHeader(CaCommand.ClearChannel, 0, 0, 0, sid, cid));

    /// <summary>Sends a search datagram's bytes (VERSION and SEARCH messages) to a TCP name server.</summary>
    public void Search(ReadOnlySpan<byte> datagram) => Outbox.Write(datagram);

    /// <summary>
    /// Takes every complete message from the start of <paramref name="buffer"/> (advancing it) and reports each;
    /// any bytes at all count as hearing from the server. A reply larger than the payload limit is skipped as it
    /// streams in. Throws <see cref="CaProtocolException"/> for an undecipherable message, on which libca drops
    /// the circuit.
    /// </summary>
    public void Receive(ref ReadOnlySequence<byte> buffer, DateTimeOffset now)
    {
        if (buffer.Length > 0)
        {
            _lastReceive = now;
            _echoPending = false;
        }

        Span<byte> headerBytes = stackalloc byte[CaProtocol.ExtendedHeaderSize];
        while (buffer.Length > 0)
        {
            if (_skip > 0)
            {
                var skipped = Math.Min(_skip, buffer.Length);
                buffer = buffer.Slice(skipped);
                _skip -= skipped;
                continue;
            }

            var available = (int)Math.Min(buffer.Length, CaProtocol.ExtendedHeaderSize);
            buffer.Slice(0, available).CopyTo(headerBytes);
            if (!CaHeader.TryRead(headerBytes[..available], out var header, out var headerSize))
            {
                return;
            }

            if (header.PayloadSize > _maxPayload)
            {
                _handler.OnOversizedResponse(header);
                buffer = buffer.Slice(headerSize);
                _skip = header.PayloadSize;
                continue;
            }

            if (!CaFraming.TryReadFrame(ref buffer, _maxPayload, out var frame))
            {
                return;
            }

            Dispatch(frame);
        }
    }

    /// <summary>
    /// libca's flow control, called after each read: when <see cref="ContiguousReadsForFlowControl"/> reads in a row
    /// have left bytes waiting in the socket (the client is not keeping up) it queues EVENTS_OFF, so the server keeps
    /// only the latest update of each subscription; the first read that leaves nothing waiting queues EVENTS_ON.
    /// </summary>
    public void AfterRead(bool bytesPending)
    {
        if (bytesPending)
        {
            if (!FlowControlActive && ++_contiguousReads >= ContiguousReadsForFlowControl)
            {
                FlowControlActive = true;
                WriteHeader(new CaHeader(CaCommand.EventsOff, 0, 0, 0, 0, 0));
            }

            return;
        }

        _contiguousReads = 0;
        if (FlowControlActive)
        {
            FlowControlActive = false;
            WriteHeader(new CaHeader(CaCommand.EventsOn, 0, 0, 0, 0, 0));
        }
    }

    /// <summary>
    /// Runs the watchdog at <paramref name="now"/>: after EPICS_CA_CONN_TMO of silence it queues an ECHO; when the
    /// ECHO has gone unanswered for the echo time-out the circuit is unresponsive.
    /// </summary>
    public CircuitWatchdogAction PollWatchdog(DateTimeOffset now)
    {
        if (now < WatchdogDue)
        {
            return CircuitWatchdogAction.None;
        }

        if (_echoPending)
        {
            return CircuitWatchdogAction.Unresponsive;
        }

        _echoPending = true;
        _echoSentAt = now;
        WriteHeader(new CaHeader(CaCommand.Echo, 0, 0, 0, 0, 0));
        return CircuitWatchdogAction.EchoSent;
    }

    private uint EffectiveCount(uint count, uint nativeCount) => count == 0 && !SupportsZeroCount ? nativeCount : count;

    private void Dispatch(CaFrame frame)
    {
        var h = frame.Header;
        switch (h.Command)
        {
            case CaCommand.Version:
                if (h.DataCount != 0)
                {
                    ServerMinorVersion = (ushort)h.DataCount;
                }

                break;
            case CaCommand.Echo:
            case CaCommand.ReadSync:
            case CaCommand.ClearChannel:
            case CaCommand.NotFound:
            case CaCommand.EventsOff:
            case CaCommand.EventsOn:
                break;
            case CaCommand.AccessRights:
                _handler.OnAccessRights(h.Parameter1, (AccessRights)h.Parameter2);
                break;
            case CaCommand.CreateChan:
                _handler.OnChannelCreated(h.Parameter1, h.Parameter2, h.DataType, h.DataCount);
                break;
            case CaCommand.CreateChFail:
                _handler.OnChannelCreateFailed(h.Parameter1);
                break;
            case CaCommand.ServerDisconn:
                _handler.OnServerDisconnected(h.Parameter1);
                break;
            case CaCommand.ReadNotify:
                {
                    var (status, value, error) = DecodeData(h, frame.Payload);
                    _handler.OnReadCompleted(h.Parameter2, status, value, error);
                    break;
                }

            case CaCommand.WriteNotify:
                _handler.OnWriteCompleted(h.Parameter2, Eca.FromValue((int)h.Parameter1));
                break;
            case CaCommand.EventAdd:
                // An empty EVENT_ADD confirms a cancellation; libca ignores it.
                if (h.PayloadSize > 0)
                {
                    var (status, value, error) = DecodeData(h, frame.Payload);
                    _handler.OnSubscriptionUpdate(h.Parameter2, status, value, error);
                }

                break;
            case CaCommand.Error:
                _handler.OnError((ErrorResponse)CaMessageDecoder.Decode(frame, CaDirection.FromServer));
                break;
            case CaCommand.Search:
                _handler.OnSearchReply(h.Parameter2, SearchReplyServer(h), SearchReplyVersion(h, frame.Payload));
                break;
            default:
                throw new CaProtocolException($"Undecipherable message from server {Server}: {h}.", Eca.Internal);
        }
    }

    // The search reply's p1 is the server's address, 0xFFFFFFFF meaning "this circuit's peer" (libca's tcpiiu::searchRespNotify).
    private IPEndPoint SearchReplyServer(CaHeader header)
    {
        if (header.Parameter1 == uint.MaxValue)
        {
            return new IPEndPoint(Server.Address, header.DataType);
        }

        Span<byte> address = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(address, header.Parameter1);
        return new IPEndPoint(new IPAddress(address), header.DataType);
    }

    private ushort SearchReplyVersion(CaHeader header, ReadOnlySequence<byte> payload)
    {
        if (header.PayloadSize < 2)
        {
            return ServerMinorVersion;
        }

        Span<byte> version = stackalloc byte[2];
        payload.Slice(0, 2).CopyTo(version);
        return BinaryPrimitives.ReadUInt16BigEndian(version);
    }

    private static (EcaStatus Status, DbrValue? Value, string? Error) DecodeData(CaHeader header, ReadOnlySequence<byte> payload)
    {
        var status = Eca.FromValue((int)header.Parameter1);
        if (status != Eca.Normal)
        {
            return (status, null, null);
        }

        if (!DbrTypes.IsValid(header.DataType))
        {
            return (Eca.Badtype, null, $"the server sent unknown DBR type {header.DataType}");
        }

        if (header.DataCount > int.MaxValue)
        {
            return (Eca.Badcount, null, $"the server sent {header.DataCount} elements");
        }

        try
        {
            if (payload.IsSingleSegment)
            {
                return (status, DbrCodec.Decode((DbrType)header.DataType, (int)header.DataCount, payload.FirstSpan), null);
            }

            var length = (int)payload.Length;
            var rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                payload.CopyTo(rented);
                return (status, DbrCodec.Decode((DbrType)header.DataType, (int)header.DataCount, rented.AsSpan(0, length)), null);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        catch (CaProtocolException e)
        {
            return (e.Status ?? Eca.Badcount, null, e.Message);
        }
    }

    private void WriteHeader(CaHeader header)
    {
        Span<byte> bytes = stackalloc byte[CaProtocol.ExtendedHeaderSize];
        Outbox.Write(bytes[..header.Write(bytes)]);
    }

    private void WriteMessage(CaMessage message)
    {
        var size = message.WireSize;
        if (size <= StackMessageLimit)
        {
            Span<byte> bytes = stackalloc byte[size];
            message.Encode(bytes);
            Outbox.Write(bytes);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            message.Encode(rented);
            Outbox.Write(rented.AsSpan(0, size));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void WriteData(CaCommand command, DbrType type, DbrValue value, uint sid, uint p2)
    {
        var converted = DbrConvert.To(value, DbrTypes.ValueTypeOf(type));
        var count = converted.Count;
        var dataSize = DbrTypes.Size(type, count);
        var padded = (uint)CaProtocol.Pad8(dataSize);
        if (padded > _maxPayload)
        {
            throw new CaProtocolException(
                $"A {DbrTypes.CName(type)} write of {count} element(s) is {padded} bytes, more than the {_maxPayload} allowed (EPICS_CA_MAX_ARRAY_BYTES).",
                Eca.Tolarge);
        }

        var header = new CaHeader(command, padded, (ushort)type, (uint)count, sid, p2);
        var size = header.Size + (int)padded;
        var rented = size > StackMessageLimit ? ArrayPool<byte>.Shared.Rent(size) : null;
        Span<byte> bytes = rented ?? stackalloc byte[StackMessageLimit];
        try
        {
            var written = header.Write(bytes);
            var payload = bytes.Slice(written, (int)padded);
            payload.Clear();
            DbrCodec.Encode(type, converted, count, payload);
            Outbox.Write(bytes[..size]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
