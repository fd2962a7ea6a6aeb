using System.Buffers.Binary;

namespace Hyperion.ChannelAccess.Protocol;

/// <summary>
/// A Channel Access message header: the 16-byte standard form, or the 24-byte extended form used when the
/// payload size or element count does not fit in 16 bits (payload field 0xFFFF and count field 0 mark it).
/// All fields are big-endian.
/// </summary>
public readonly record struct CaHeader(CaCommand Command, uint PayloadSize, ushort DataType, uint DataCount, uint Parameter1, uint Parameter2)
{
    /// <summary>True when this header must be written in the extended form.</summary>
    public bool NeedsExtended => PayloadSize >= CaProtocol.ExtendedMarker || DataCount >= CaProtocol.ExtendedMarker;

    /// <summary>The number of bytes this header takes on the wire.</summary>
    public int Size => NeedsExtended ? CaProtocol.ExtendedHeaderSize : CaProtocol.HeaderSize;

    /// <summary>
    /// Reads a header from the start of <paramref name="source"/>. Returns false when more bytes are needed
    /// (fewer than 16, or an extended header with fewer than 24); <paramref name="size"/> is the header's length.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out CaHeader header, out int size)
    {
        header = default;
        size = 0;
        if (source.Length < CaProtocol.HeaderSize)
        {
            return false;
        }

        var command = (CaCommand)BinaryPrimitives.ReadUInt16BigEndian(source);
        uint payload = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        var dataType = BinaryPrimitives.ReadUInt16BigEndian(source[4..]);
        uint count = BinaryPrimitives.ReadUInt16BigEndian(source[6..]);
        var p1 = BinaryPrimitives.ReadUInt32BigEndian(source[8..]);
        var p2 = BinaryPrimitives.ReadUInt32BigEndian(source[12..]);
        size = CaProtocol.HeaderSize;
        if (payload == CaProtocol.ExtendedMarker && count == 0)
        {
            if (source.Length < CaProtocol.ExtendedHeaderSize)
            {
                return false;
            }

            payload = BinaryPrimitives.ReadUInt32BigEndian(source[16..]);
            count = BinaryPrimitives.ReadUInt32BigEndian(source[20..]);
            size = CaProtocol.ExtendedHeaderSize;
        }

        header = new CaHeader(command, payload, dataType, count, p1, p2);
        return true;
    }

    /// <summary>Writes the header (standard or extended as needed) into <paramref name="destination"/>; returns the bytes written.</summary>
    public int Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)Command);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], DataType);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Parameter1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Parameter2);
        if (!NeedsExtended)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)PayloadSize);
            BinaryPrimitives.WriteUInt16BigEndian(destination[6..], (ushort)DataCount);
            return CaProtocol.HeaderSize;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], CaProtocol.ExtendedMarker);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], PayloadSize);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], DataCount);
        return CaProtocol.ExtendedHeaderSize;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Command}(payload={PayloadSize}, type={DataType}, count={DataCount}, p1={Parameter1}, p2={Parameter2})";
}
