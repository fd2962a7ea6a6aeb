using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>
/// An error report (CA_PROTO_ERROR): the channel's client id, the ECA status, a copy of the offending request's
/// header and a message.
/// </summary>
/// <param name="Cid">The client's channel id (or the request id), as EPICS puts it.</param>
/// <param name="Status">The ECA status value.</param>
/// <param name="Request">The header of the request that failed.</param>
/// <param name="Text">The error text.</param>
public sealed record ErrorResponse(uint Cid, int Status, CaHeader Request, string Text) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header =>
        new(CaCommand.Error, (uint)CaProtocol.Pad8(Request.Size + System.Text.Encoding.Latin1.GetByteCount(Text) + 1), 0, 0, Cid, (uint)Status);

    /// <inheritdoc />
    public override void WritePayload(Span<byte> destination)
    {
        var size = Request.Write(destination);
        CaStrings.Write(Text, destination[size..]);
    }

    /// <summary>The status as an ECA code.</summary>
    public EcaStatus EcaStatus => Eca.FromValue(Status);
}
