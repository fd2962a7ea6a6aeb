using System.Buffers.Binary;
using Hyperion.ChannelAccess.Messages;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// Answers UDP search datagrams, sans I/O, as rsrv's cast server does: a datagram must open with VERSION (clients
/// since base 3.14 send it; base 3.16.1 and later ignore searches without it); each SEARCH for a name the provider
/// has gets a reply (port, 0xFFFFFFFF meaning "the address you sent to", the cid, and our minor version), and
/// unknown names get nothing, even when the client asked for a reply. The replies go back in datagrams of at most
/// 1024 bytes (MAX_UDP_SEND), each opened by a VERSION carrying the client's sequence number when it speaks 4.11 or
/// later. Anything else (another command, a misaligned or truncated message) ends the datagram's processing silently.
/// </summary>
internal sealed class SearchResponder(IPvProvider provider, Func<ushort> serverPort)
{
    /// <summary>The largest reply datagram (caProto.h's MAX_UDP_SEND).</summary>
    public const int MaxReplyDatagram = 1024;

    private const ushort SequenceNumberIsValid = 1;
    private const ushort OldestSupportedMinorVersion = 4;
    private const ushort SequenceNumberMinorVersion = 11;
    private const int SearchReplySize = CaProtocol.HeaderSize + 8;

    /// <summary>Why the rest of the last datagram was ignored (null when all of it was read).</summary>
    public string? LastIgnoredReason { get; private set; }

    /// <summary>The reply datagrams for <paramref name="datagram"/> (none when no name is ours).</summary>
    public IReadOnlyList<byte[]> Respond(ReadOnlySpan<byte> datagram)
    {
        LastIgnoredReason = null;
        List<byte[]>? replies = null;
        byte[]? current = null;
        var length = 0;
        ushort minorVersion = 0;
        uint sequence = 0;
        var offset = 0;
        while (offset < datagram.Length)
        {
            var rest = datagram[offset..];
            if (!CaHeader.TryRead(rest, out var header, out var headerSize))
            {
                LastIgnoredReason = $"{rest.Length} bytes at offset {offset} are not a whole header";
                break;
            }

            if ((header.PayloadSize & 7) != 0)
            {
                LastIgnoredReason = $"{header.Command} at offset {offset} has a misaligned {header.PayloadSize}-byte payload";
                break;
            }

            if (headerSize + (long)header.PayloadSize > rest.Length)
            {
                LastIgnoredReason = $"{header.Command} at offset {offset} is truncated";
                break;
            }

            if (header.Command != CaCommand.Version && minorVersion < OldestSupportedMinorVersion)
            {
                LastIgnoredReason = $"{header.Command} at offset {offset} is not preceded by a VERSION of 4.{OldestSupportedMinorVersion} or later";
                break;
            }

            var payload = rest.Slice(headerSize, (int)header.PayloadSize);
            offset += headerSize + (int)header.PayloadSize;
            if (header.Command == CaCommand.Version)
            {
                minorVersion = (ushort)header.DataCount;
                sequence = header.Parameter1;
                continue;
            }

            if (header.Command != CaCommand.Search)
            {
                LastIgnoredReason = $"{header.Command} is not a UDP request";
                break;
            }

            if (header.DataCount < OldestSupportedMinorVersion)
            {
                LastIgnoredReason = $"SEARCH from a client speaking protocol version 4.{header.DataCount}";
                break;
            }

            if (payload.Length <= 1 || !Serves(CaStrings.Read(payload)))
            {
                continue;
            }

            if (current is null || length + SearchReplySize > MaxReplyDatagram)
            {
                if (current is not null)
                {
                    (replies ??= []).Add(current[..length]);
                }

                current = new byte[MaxReplyDatagram];
                length = minorVersion >= SequenceNumberMinorVersion
                    ? new CaHeader(CaCommand.Version, 0, SequenceNumberIsValid, CaProtocol.MinorVersion, sequence, 0).Write(current)
                    : 0;
            }

            var reply = current.AsSpan(length, SearchReplySize);
            length += new CaHeader(CaCommand.Search, 8, serverPort(), 0, uint.MaxValue, header.Parameter2).Write(reply);
            BinaryPrimitives.WriteUInt16BigEndian(current.AsSpan(length), CaProtocol.MinorVersion);
            length += 8;
        }

        if (current is not null)
        {
            (replies ??= []).Add(current[..length]);
        }

        return (IReadOnlyList<byte[]>?)replies ?? [];
    }

    private bool Serves(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        try
        {
            return provider.Find(name) is not null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }
}
