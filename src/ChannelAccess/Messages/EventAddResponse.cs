using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>A subscription update (or, with no data, the confirmation that a subscription was cancelled).</summary>
/// <param name="DataType">The subscription's DBR type.</param>
/// <param name="Count">Number of elements.</param>
/// <param name="Status">The ECA status value.</param>
/// <param name="SubscriptionId">The subscription id.</param>
/// <param name="Data">The encoded DBR bytes.</param>
public sealed record EventAddResponse(ushort DataType, uint Count, int Status, uint SubscriptionId, ReadOnlyMemory<byte> Data) : DataMessage(DataType, Count, Data)
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.EventAdd, PaddedSize, DataType, Count, (uint)Status, SubscriptionId);
}
