using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>The answer to a ReadNotifyRequest: the data, or an ECA failure status with no data.</summary>
/// <param name="DataType">The DBR type of the data.</param>
/// <param name="Count">Number of elements.</param>
/// <param name="Status">The ECA status value (ECA_NORMAL on success).</param>
/// <param name="Ioid">The request id.</param>
/// <param name="Data">The encoded DBR bytes.</param>
public sealed record ReadNotifyResponse(ushort DataType, uint Count, int Status, uint Ioid, ReadOnlyMemory<byte> Data) : DataMessage(DataType, Count, Data)
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.ReadNotify, PaddedSize, DataType, Count, (uint)Status, Ioid);
}
