using System.Buffers;
using System.Buffers.Binary;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>Turns a framed message into its typed form, according to who sent it.</summary>
public static class CaMessageDecoder
{
    /// <summary>
    /// Decodes <paramref name="frame"/>; throws <see cref="CaProtocolException"/> for an unknown command or a
    /// payload that does not fit the command.
    /// </summary>
    public static CaMessage Decode(CaFrame frame, CaDirection direction)
    {
        var h = frame.Header;
        var payload = frame.Payload.IsSingleSegment ? frame.Payload.First : frame.Payload.ToArray();
        return (h.Command, direction) switch
        {
            (CaCommand.Version, CaDirection.FromClient) => new VersionRequest(h.DataType, (ushort)h.DataCount),
            (CaCommand.Version, CaDirection.FromServer) => new VersionResponse((ushort)h.DataCount),
            (CaCommand.Search, CaDirection.FromClient) => new SearchRequest(Name(payload, h), h.Parameter1, h.DataType, (ushort)h.DataCount),
            (CaCommand.Search, CaDirection.FromServer) => new SearchResponse(h.DataType, h.Parameter1, h.Parameter2, payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload.Span) : (ushort)0),
            (CaCommand.NotFound, _) => new NotFoundResponse(h.DataType, (ushort)h.DataCount, h.Parameter1),
            (CaCommand.CreateChan, CaDirection.FromClient) => new CreateChanRequest(Name(payload, h), h.Parameter1, h.Parameter2),
            (CaCommand.CreateChan, CaDirection.FromServer) => new CreateChanResponse(h.DataType, h.DataCount, h.Parameter1, h.Parameter2),
            (CaCommand.CreateChFail, _) => new CreateChFailResponse(h.Parameter1),
            (CaCommand.AccessRights, _) => new AccessRightsResponse(h.Parameter1, (AccessRights)h.Parameter2),
            (CaCommand.ClientName, _) => new ClientNameRequest(CaStrings.Read(payload.Span)),
            (CaCommand.HostName, _) => new HostNameRequest(CaStrings.Read(payload.Span)),
            (CaCommand.ReadNotify, CaDirection.FromClient) => new ReadNotifyRequest(h.DataType, h.DataCount, h.Parameter1, h.Parameter2),
            (CaCommand.ReadNotify, CaDirection.FromServer) => new ReadNotifyResponse(h.DataType, h.DataCount, (int)h.Parameter1, h.Parameter2, payload),
            (CaCommand.Read, CaDirection.FromClient) => new ReadRequest(h.DataType, h.DataCount, h.Parameter1, h.Parameter2),
            (CaCommand.Write, CaDirection.FromClient) => new WriteRequest(h.DataType, h.DataCount, h.Parameter1, h.Parameter2, payload),
            (CaCommand.WriteNotify, CaDirection.FromClient) => new WriteNotifyRequest(h.DataType, h.DataCount, h.Parameter1, h.Parameter2, payload),
            (CaCommand.WriteNotify, CaDirection.FromServer) => new WriteNotifyResponse(h.DataType, h.DataCount, (int)h.Parameter1, h.Parameter2),
            (CaCommand.EventAdd, CaDirection.FromClient) => EventAdd(h, payload.Span),
            (CaCommand.EventAdd, CaDirection.FromServer) => new EventAddResponse(h.DataType, h.DataCount, (int)h.Parameter1, h.Parameter2, payload),
            (CaCommand.EventCancel, CaDirection.FromClient) => new EventCancelRequest(h.DataType, h.DataCount, h.Parameter1, h.Parameter2),
            (CaCommand.EventsOff, _) => new EventsOffRequest(),
            (CaCommand.EventsOn, _) => new EventsOnRequest(),
            (CaCommand.ReadSync, _) => new ReadSyncRequest(),
            (CaCommand.ClearChannel, CaDirection.FromClient) => new ClearChannelRequest(h.Parameter1, h.Parameter2),
            (CaCommand.ClearChannel, CaDirection.FromServer) => new ClearChannelResponse(h.Parameter1, h.Parameter2),
            (CaCommand.ServerDisconn, _) => new ServerDisconnResponse(h.Parameter1),
            (CaCommand.Echo, _) => new EchoMessage(),
            (CaCommand.Error, CaDirection.FromServer) => Error(h, payload.Span),
            (CaCommand.RsrvIsUp, _) => new BeaconMessage(h.DataType, (ushort)h.DataCount, h.Parameter1, h.Parameter2),
            (CaCommand.RepeaterRegister, _) => new RepeaterRegisterRequest(h.Parameter2),
            (CaCommand.RepeaterConfirm, _) => new RepeaterConfirmResponse(h.Parameter2),
            _ => throw new CaProtocolException($"Unexpected command {(ushort)h.Command} ({h.Command}) {(direction == CaDirection.FromClient ? "from a client" : "from a server")}.", Eca.Internal),
        };
    }

    private static string Name(ReadOnlyMemory<byte> payload, CaHeader header)
    {
        if (payload.Length == 0)
        {
            throw new CaProtocolException($"{header.Command} carries no channel name.", Eca.Badstr);
        }

        return CaStrings.Read(payload.Span);
    }

    private static EventAddRequest EventAdd(CaHeader header, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 14)
        {
            throw new CaProtocolException($"EVENT_ADD needs a 16-byte payload (the mask at bytes 12-13) but has {payload.Length}.", Eca.Internal);
        }

        return new EventAddRequest(header.DataType, header.DataCount, header.Parameter1, header.Parameter2, (EventMask)BinaryPrimitives.ReadUInt16BigEndian(payload[12..]));
    }

    private static ErrorResponse Error(CaHeader header, ReadOnlySpan<byte> payload)
    {
        if (!CaHeader.TryRead(payload, out var request, out var size))
        {
            return new ErrorResponse(header.Parameter1, (int)header.Parameter2, default, CaStrings.Read(payload));
        }

        return new ErrorResponse(header.Parameter1, (int)header.Parameter2, request, CaStrings.Read(payload[size..]));
    }
}
