using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>Closes a channel.</summary>
/// <param name="Sid">The server's id.</param>
/// <param name="Cid">The client's id.</param>
public sealed record ClearChannelRequest(uint Sid, uint Cid) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.ClearChannel, 0, 0, 0, Sid, Cid);
}
