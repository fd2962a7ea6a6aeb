using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The client's rights on a channel.</summary>
/// <param name="Cid">The client's id.</param>
/// <param name="Rights">Read and/or write.</param>
public sealed record AccessRightsResponse(uint Cid, AccessRights Rights) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.AccessRights, 0, 0, 0, Cid, (uint)Rights);
}
