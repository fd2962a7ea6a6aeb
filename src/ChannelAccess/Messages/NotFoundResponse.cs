using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>No such channel here (sent only when the search asked for a reply).</summary>
/// <param name="Reply">The search's reply flag.</param>
/// <param name="Version">The server's minor protocol version.</param>
/// <param name="Cid">The client's id from the search.</param>
public sealed record NotFoundResponse(ushort Reply, ushort Version, uint Cid) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.NotFound, 0, Reply, Version, Cid, Cid);
}
