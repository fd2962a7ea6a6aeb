using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>A server has the channel: its port and address (0xFFFFFFFF means the datagram's source address).</summary>
/// <param name="Port">The server's TCP port.</param>
/// <param name="Address">The server's IPv4 address, or 0xFFFFFFFF for the sender's.</param>
/// <param name="Cid">The client's id from the search.</param>
/// <param name="Version">The server's minor protocol version.</param>
public sealed record SearchResponse(ushort Port, uint Address, uint Cid, ushort Version) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.Search, 8, Port, 0, Address, Cid);

    /// <inheritdoc />
    public override void WritePayload(Span<byte> destination) => System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(destination, Version);
}
