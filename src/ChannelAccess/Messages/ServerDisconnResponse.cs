using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The server dropped a channel (its PV went away).</summary>
/// <param name="Cid">The client's id.</param>
public sealed record ServerDisconnResponse(uint Cid) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.ServerDisconn, 0, 0, 0, Cid, 0);
}
