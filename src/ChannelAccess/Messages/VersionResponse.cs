using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The server's answer to the version handshake.</summary>
/// <param name="Version">The server's minor protocol version.</param>
public sealed record VersionResponse(ushort Version) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.Version, 0, 0, Version, 0, 0);
}
