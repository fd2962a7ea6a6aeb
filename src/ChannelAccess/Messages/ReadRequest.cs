using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The deprecated read without notification (CA_PROTO_READ).</summary>
/// <param name="DataType">The DBR type wanted.</param>
/// <param name="Count">Elements wanted.</param>
/// <param name="Sid">The server's channel id.</param>
/// <param name="Ioid">The request id.</param>
public sealed record ReadRequest(ushort DataType, uint Count, uint Sid, uint Ioid) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.Read, 0, DataType, Count, Sid, Ioid);
}
