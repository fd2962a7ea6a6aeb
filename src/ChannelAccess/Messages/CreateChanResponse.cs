using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The channel exists: its native type, element count and the server's id for it.</summary>
/// <param name="DataType">The native DBR type.</param>
/// <param name="Count">The native element count.</param>
/// <param name="Cid">The client's id.</param>
/// <param name="Sid">The server's id.</param>
public sealed record CreateChanResponse(ushort DataType, uint Count, uint Cid, uint Sid) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.CreateChan, 0, DataType, Count, Cid, Sid);
}
