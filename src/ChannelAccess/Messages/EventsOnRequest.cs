using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>Flow control: the client caught up; updates flow again.</summary>
public sealed record EventsOnRequest : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.EventsOn, 0, 0, 0, 0, 0);
}
