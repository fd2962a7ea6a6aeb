using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The version handshake a client sends first on a circuit (and before searches on UDP).</summary>
/// <param name="Priority">Circuit priority (0 to 99).</param>
/// <param name="Version">The client's minor protocol version.</param>
public sealed record VersionRequest(ushort Priority, ushort Version) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.Version, 0, Priority, Version, 0, 0);
}
