using System.Buffers;

namespace Hyperion.ChannelAccess.Protocol;

/// <summary>One framed message: its header and its payload bytes (a slice of the receive buffer).</summary>
/// <param name="Header">The header.</param>
/// <param name="Payload">The payload, exactly <c>Header.PayloadSize</c> bytes.</param>
public readonly record struct CaFrame(CaHeader Header, ReadOnlySequence<byte> Payload);
