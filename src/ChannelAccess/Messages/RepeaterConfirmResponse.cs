using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The repeater confirms a registration.</summary>
/// <param name="RepeaterAddress">The repeater's IPv4 address.</param>
public sealed record RepeaterConfirmResponse(uint RepeaterAddress) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.RepeaterConfirm, 0, 0, 0, 0, RepeaterAddress);
}
