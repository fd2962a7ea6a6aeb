using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>A write answered by a WriteNotifyResponse when the write has completed (CA_PROTO_WRITE_NOTIFY).</summary>
/// <param name="DataType">The DBR type of the data.</param>
/// <param name="Count">Number of elements.</param>
/// <param name="Sid">The server's channel id.</param>
/// <param name="Ioid">The request id.</param>
/// <param name="Data">The encoded DBR bytes.</param>
public sealed record WriteNotifyRequest(ushort DataType, uint Count, uint Sid, uint Ioid, ReadOnlyMemory<byte> Data) : DataMessage(DataType, Count, Data)
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.WriteNotify, PaddedSize, DataType, Count, Sid, Ioid);

    /// <summary>A write of <paramref name="value"/> as <paramref name="type"/>.</summary>
    public static WriteNotifyRequest For(DbrType type, DbrValue value, uint sid, uint ioid)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new((ushort)type, (uint)value.Count, sid, ioid, EncodeData(type, value, value.Count));
    }
}
