using System.Buffers;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// The bytes a circuit has queued for its client: a pooled, growable buffer that replies are encoded straight into,
/// and a spare that the socket sends from while new replies accumulate (rsrv's send buffer, double-buffered).
/// Not thread-safe: the circuit guards it with its output lock.
/// </summary>
internal sealed class CircuitOutput : IBufferWriter<byte>, IDisposable
{
    private const int InitialSize = 16 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private byte[]? _spare = ArrayPool<byte>.Shared.Rent(InitialSize);
    private byte[]? _taken;
    private int _written;

    /// <summary>Bytes queued and not yet taken for sending.</summary>
    public int Length => _written;

    /// <summary>True while a taken buffer is being sent.</summary>
    public bool IsTaken => _taken is not null;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Appends a message that has only a header.</summary>
    public void WriteHeader(in CaHeader header)
    {
        var span = GetSpan(CaProtocol.ExtendedHeaderSize);
        _written += header.Write(span);
    }

    /// <summary>Hands the queued bytes to the sender; the next writes go to the spare buffer. Call <see cref="Release"/> when sent.</summary>
    public ReadOnlyMemory<byte> Take()
    {
        if (_taken is not null)
        {
            throw new InvalidOperationException("The previous output has not been released.");
        }

        var filled = _buffer.AsMemory(0, _written);
        _taken = _buffer;
        _buffer = _spare ?? ArrayPool<byte>.Shared.Rent(InitialSize);
        _spare = null;
        _written = 0;
        return filled;
    }

    /// <summary>The sender is done with the taken buffer: it becomes the spare (oversized ones go back to the pool).</summary>
    public void Release()
    {
        if (_taken is null)
        {
            return;
        }

        if (_spare is null && _taken.Length <= 4 * InitialSize)
        {
            _spare = _taken;
        }
        else
        {
            ArrayPool<byte>.Shared.Return(_taken);
        }

        _taken = null;
    }

    /// <summary>Forgets everything queued (the circuit is closing without flushing).</summary>
    public void Clear() => _written = 0;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        if (_spare is not null)
        {
            ArrayPool<byte>.Shared.Return(_spare);
        }

        // A taken buffer may still be on the wire; it is left to the garbage collector rather than reused.
        _spare = null;
        _buffer = [];
        _written = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var size = Math.Max(needed, (int)Math.Min(Array.MaxLength, (long)_buffer.Length * 2));
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _written).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
