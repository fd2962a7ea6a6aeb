using System.Buffers;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Server;

/// <summary>One message from the server: its header, its raw payload, and its typed form when the codec knows it.</summary>
public sealed record ServerReply(CaHeader Header, byte[] Payload, CaMessage? Message)
{
    public CaCommand Command => Header.Command;

    public T As<T>()
        where T : CaMessage => Assert.IsType<T>(Message);

    /// <summary>The reply's DBR payload decoded as its type and count.</summary>
    public DbrValue Value() => DbrCodec.Decode((DbrType)Header.DataType, (int)Header.DataCount, Payload);

    /// <summary>The whole message as it was on the wire.</summary>
    public byte[] Bytes()
    {
        var bytes = new byte[Header.Size + Payload.Length];
        Header.Write(bytes);
        Payload.CopyTo(bytes, Header.Size);
        return bytes;
    }

    public override string ToString() => Header.ToString();
}

/// <summary>Splits the server's byte stream into replies, however it was cut.</summary>
public sealed class ReplyParser
{
    private byte[] _carry = [];

    public List<ServerReply> Feed(ReadOnlySpan<byte> bytes)
    {
        var all = new byte[_carry.Length + bytes.Length];
        _carry.CopyTo(all, 0);
        bytes.CopyTo(all.AsSpan(_carry.Length));
        var buffer = new ReadOnlySequence<byte>(all);
        var replies = new List<ServerReply>();
        while (CaFraming.TryReadFrame(ref buffer, uint.MaxValue, out var frame))
        {
            CaMessage? message;
            try
            {
                message = CaMessageDecoder.Decode(frame, CaDirection.FromServer);
            }
            catch (CaProtocolException)
            {
                message = null;
            }

            replies.Add(new ServerReply(frame.Header, frame.Payload.ToArray(), message));
        }

        _carry = buffer.ToArray();
        return replies;
    }
}
