using System.Text;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>NUL-terminated, 8-byte-padded strings as CA payloads carry them (PV, client and host names, error text).</summary>
public static class CaStrings
{
    /// <summary>The padded payload size of <paramref name="text"/> with its terminator.</summary>
    public static int PaddedSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CaProtocol.Pad8(Encoding.Latin1.GetByteCount(text) + 1);
    }

    /// <summary>Writes the text and its terminator (the rest of the padding must already be zero).</summary>
    public static void Write(string text, Span<byte> destination) => Encoding.Latin1.GetBytes(text, destination);

    /// <summary>Reads up to the first NUL (or the whole payload when there is none).</summary>
    public static string Read(ReadOnlySpan<byte> payload)
    {
        var end = payload.IndexOf((byte)0);
        return Encoding.Latin1.GetString(end < 0 ? payload : payload[..end]);
    }
}
