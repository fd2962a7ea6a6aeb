using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>Cancels a subscription.</summary>
/// <param name="DataType">The subscription's DBR type.</param>
/// <param name="Count">The subscription's count.</param>
/// <param name="Sid">The server's channel id.</param>
/// <param name="SubscriptionId">The subscription id.</param>
public sealed record EventCancelRequest(ushort DataType, uint Count, uint Sid, uint SubscriptionId) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.EventCancel, 0, DataType, Count, Sid, SubscriptionId);
}
