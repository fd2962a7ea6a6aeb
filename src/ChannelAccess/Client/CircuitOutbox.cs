using System.Buffers;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// The bytes waiting to go out on one circuit. Requests from any thread are appended whole; the circuit's send
/// loop takes everything queued so far in one piece (so pipelined requests share a socket write) while new
/// requests go into a second buffer.
/// </summary>
internal sealed class CircuitOutbox
{
    private const int ShrinkAbove = 1 << 20;

    private readonly Lock _lock = new();
    private ArrayBufferWriter<byte> _filling = new(4096);
    private ArrayBufferWriter<byte> _sending = new(4096);
    private TaskCompletionSource _signal = NewSignal();
    private bool _taken;

    /// <summary>Bytes queued and not yet taken.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _filling.WrittenCount;
            }
        }
    }

    /// <summary>Queues one or more whole messages.</summary>
    public void Write(ReadOnlySpan<byte> messages)
    {
        TaskCompletionSource? signal = null;
        lock (_lock)
        {
            _filling.Write(messages);
            if (!_signal.Task.IsCompleted)
            {
                signal = _signal;
            }
        }

        signal?.TrySetResult();
    }

    /// <summary>Completes when bytes are queued.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_filling.WrittenCount > 0)
            {
                return Task.CompletedTask;
            }

            if (_signal.Task.IsCompleted)
            {
                _signal = NewSignal();
            }

            return _signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Takes everything queued so far; <see cref="Release"/> must follow once it has been sent.</summary>
    public bool TryTake(out ReadOnlyMemory<byte> bytes)
    {
        lock (_lock)
        {
            if (_taken)
            {
                throw new InvalidOperationException("The previous batch has not been released.");
            }

            if (_filling.WrittenCount == 0)
            {
                bytes = default;
                return false;
            }

            (_filling, _sending) = (_sending, _filling);
            _taken = true;
            bytes = _sending.WrittenMemory;
            return true;
        }
    }

    /// <summary>The batch taken last has been sent; its buffer is reused.</summary>
    public void Release()
    {
        lock (_lock)
        {
            if (_sending.Capacity > ShrinkAbove)
            {
                _sending = new ArrayBufferWriter<byte>(4096);
            }
            else
            {
                _sending.ResetWrittenCount();
            }

            _taken = false;
        }
    }

    /// <summary>Everything queued so far, as one array (for tests of the sans-I/O circuit).</summary>
    public byte[] Drain()
    {
        if (!TryTake(out var bytes))
        {
            return [];
        }

        var copy = bytes.ToArray();
        Release();
        return copy;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
