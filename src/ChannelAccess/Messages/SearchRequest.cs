using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>Looks for a channel by name, over UDP or TCP.</summary>
/// <param name="Name">The PV name.</param>
/// <param name="Cid">The client's id for the channel.</param>
/// <param name="Reply">DoReply (10) to hear back even when unknown, or DontReply (5).</param>
/// <param name="Version">The client's minor protocol version.</param>
public sealed record SearchRequest(string Name, uint Cid, ushort Reply, ushort Version) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.Search, (uint)CaStrings.PaddedSize(Name), Reply, Version, Cid, Cid);

    /// <inheritdoc />
    public override void WritePayload(Span<byte> destination) => CaStrings.Write(Name, destination);
}
