using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The server beacon (CA_PROTO_RSRV_IS_UP), sent to the repeater port.</summary>
/// <param name="Version">The server's minor protocol version.</param>
/// <param name="ServerPort">The server's TCP port.</param>
/// <param name="BeaconId">Increments with each beacon.</param>
/// <param name="Address">The server's IPv4 address (0: the sender's).</param>
public sealed record BeaconMessage(ushort Version, ushort ServerPort, uint BeaconId, uint Address) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.RsrvIsUp, 0, Version, ServerPort, BeaconId, Address);
}
