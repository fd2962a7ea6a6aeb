using System.Buffers.Binary;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Messages;

/// <summary>Subscribes to a channel (CA_PROTO_EVENT_ADD): 16 bytes of payload, three unused floats then the mask.</summary>
/// <param name="DataType">The DBR type of the updates.</param>
/// <param name="Count">Elements per update (0: the current length).</param>
/// <param name="Sid">The server's channel id.</param>
/// <param name="SubscriptionId">The client's id for the subscription.</param>
/// <param name="Mask">Which events to send.</param>
public sealed record EventAddRequest(ushort DataType, uint Count, uint Sid, uint SubscriptionId, EventMask Mask) : CaMessage
{
    /// <inheritdoc />
    public override CaHeader Header => new(CaCommand.EventAdd, 16, DataType, Count, Sid, SubscriptionId);

    /// <inheritdoc />
    public override void WritePayload(Span<byte> destination) =>
        BinaryPrimitives.WriteUInt16BigEndian(destination[12..], (ushort)Mask);
}
