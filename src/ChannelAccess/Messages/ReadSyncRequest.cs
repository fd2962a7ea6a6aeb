using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The obsolete read synchronisation, echoed by the server.</summary>
public sealed record ReadSyncRequest : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.ReadSync, 0, 0, 0, 0, 0);
}
