using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>A message whose payload is DBR data: write requests, read replies and subscription updates.</summary>
/// <param name="DataType">The DBR type of the data.</param>
/// <param name="Count">Number of elements.</param>
/// <param name="Data">The encoded DBR bytes (unpadded; padding is added on the wire).</param>
public abstract record DataMessage(ushort DataType, uint Count, ReadOnlyMemory<byte> Data) : CaMessage
{
    /// <summary>The payload size on the wire: the data padded to 8 bytes.</summary>
    protected uint PaddedSize => (uint)CaProtocol.Pad8(Data.Length);

    /// <inheritdoc />
    public override void WritePayload(Span<byte> destination) => Data.Span.CopyTo(destination);

    /// <summary>Decodes the data as a value (throws <see cref="CaProtocolException"/> for a bad type or short payload).</summary>
    public DbrValue Decode()
    {
        if (!DbrTypes.IsValid(DataType))
        {
            throw new CaProtocolException($"Unknown DBR type {DataType}.", Eca.Badtype);
        }

        return DbrCodec.Decode((DbrType)DataType, (int)Count, Data.Span);
    }

    /// <summary>Encodes <paramref name="count"/> elements of <paramref name="value"/> (converted as needed) as <paramref name="type"/>.</summary>
    public static byte[] EncodeData(DbrType type, DbrValue value, int count)
    {
        ArgumentNullException.ThrowIfNull(value);
        return DbrCodec.Encode(type, DbrConvert.To(value, DbrTypes.ValueTypeOf(type)), count);
    }
}
