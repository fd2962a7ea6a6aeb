using System.Buffers;

namespace Hyperion.ChannelAccess.Protocol;

/// <summary>
/// Splits a byte stream into Channel Access messages, however the stream was cut into reads: a message split
/// across reads is simply not complete yet. A payload larger than the allowed maximum is refused before any of
/// it is buffered, as EPICS base drops such a circuit.
/// </summary>
public static class CaFraming
{
    /// <summary>
    /// Takes the next complete message from the start of <paramref name="buffer"/> (advancing it past the message),
    /// or returns false when more bytes are needed. Throws <see cref="CaProtocolException"/> when the header
    /// announces more than <paramref name="maxPayload"/> bytes or a payload that is not a multiple of 8.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, uint maxPayload, out CaFrame frame)
    {
        frame = default;
        Span<byte> headerBytes = stackalloc byte[CaProtocol.ExtendedHeaderSize];
        var available = (int)Math.Min(buffer.Length, CaProtocol.ExtendedHeaderSize);
        buffer.Slice(0, available).CopyTo(headerBytes);
        if (!CaHeader.TryRead(headerBytes[..available], out var header, out var headerSize))
        {
            return false;
        }

        if (header.PayloadSize > maxPayload)
        {
            throw new CaProtocolException(
                $"{header.Command} announces a {header.PayloadSize}-byte payload, more than the {maxPayload} bytes allowed (EPICS_CA_MAX_ARRAY_BYTES).",
                Eca.Tolarge);
        }

        var total = headerSize + (long)header.PayloadSize;
        if (buffer.Length < total)
        {
            return false;
        }

        frame = new CaFrame(header, buffer.Slice(headerSize, header.PayloadSize));
        buffer = buffer.Slice(total);
        return true;
    }

    /// <summary>Splits a datagram (which may hold several messages) into frames; a truncated tail is an error.</summary>
    public static IReadOnlyList<CaFrame> ReadDatagram(ReadOnlyMemory<byte> datagram, uint maxPayload = CaProtocol.ExtendedMarker)
    {
        var frames = new List<CaFrame>();
        var buffer = new ReadOnlySequence<byte>(datagram);
        while (buffer.Length > 0)
        {
            if (!TryReadFrame(ref buffer, maxPayload, out var frame))
            {
                throw new CaProtocolException($"A datagram ends with {buffer.Length} bytes that are not a whole message.");
            }

            frames.Add(frame);
        }

        return frames;
    }
}
