using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>Flow control: the client is behind; the server keeps only the latest update of each subscription.</summary>
public sealed record EventsOffRequest : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.EventsOff, 0, 0, 0, 0, 0);
}
