using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>A client registers with the CA repeater.</summary>
/// <param name="ClientAddress">The client's IPv4 address.</param>
public sealed record RepeaterRegisterRequest(uint ClientAddress) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.RepeaterRegister, 0, 0, 0, 0, ClientAddress);
}
