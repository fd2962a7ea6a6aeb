using System.Buffers;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>
/// One Channel Access message with named fields (caproto's command classes). <see cref="Header"/> gives the
/// wire header; <see cref="WritePayload"/> the bytes after it, already padded to 8.
/// </summary>
public abstract record CaMessage
{
    /// <summary>The header of this message.</summary>
    public abstract CaHeader Header { get; }

    /// <summary>Writes the payload (header.PayloadSize bytes); none by default.</summary>
    public virtual void WritePayload(Span<byte> destination)
    {
    }

    /// <summary>The number of bytes of the whole message on the wire.</summary>
    public int WireSize
    {
        get
        {
            var header = Header;
            return header.Size + (int)header.PayloadSize;
        }
    }

    /// <summary>Writes the whole message into <paramref name="destination"/>; returns the bytes written.</summary>
    public int Encode(Span<byte> destination)
    {
        var header = Header;
        var written = header.Write(destination);
        var payload = destination.Slice(written, (int)header.PayloadSize);
        payload.Clear();
        WritePayload(payload);
        return written + (int)header.PayloadSize;
    }

    /// <summary>Appends the whole message to <paramref name="writer"/>.</summary>
    public void Encode(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var size = WireSize;
        var span = writer.GetSpan(size);
        Encode(span);
        writer.Advance(size);
    }

    /// <summary>The message as a new array.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[WireSize];
        Encode(bytes);
        return bytes;
    }
}
