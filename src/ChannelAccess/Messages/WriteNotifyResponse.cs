using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>A write with notification has completed (Status is the ECA code).</summary>
/// <param name="DataType">The request's DBR type.</param>
/// <param name="Count">The request's count.</param>
/// <param name="Status">The ECA status value.</param>
/// <param name="Ioid">The request id.</param>
public sealed record WriteNotifyResponse(ushort DataType, uint Count, int Status, uint Ioid) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.WriteNotify, 0, DataType, Count, (uint)Status, Ioid);
}
