using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The channel could not be created.</summary>
/// <param name="Cid">The client's id.</param>
public sealed record CreateChFailResponse(uint Cid) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.CreateChFail, 0, 0, 0, Cid, 0);
}
