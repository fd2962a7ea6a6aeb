using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>Reads a channel; answered by a ReadNotifyResponse with the same ioid.</summary>
/// <param name="DataType">The DBR type wanted.</param>
/// <param name="Count">Elements wanted (0: the current length).</param>
/// <param name="Sid">The server's channel id.</param>
/// <param name="Ioid">The request id.</param>
public sealed record ReadNotifyRequest(ushort DataType, uint Count, uint Sid, uint Ioid) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.ReadNotify, 0, DataType, Count, Sid, Ioid);
}
