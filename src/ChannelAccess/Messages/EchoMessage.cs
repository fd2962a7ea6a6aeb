using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The heartbeat: a client sends it when a circuit is quiet and the server echoes it.</summary>
public sealed record EchoMessage : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.Echo, 0, 0, 0, 0, 0);
}
