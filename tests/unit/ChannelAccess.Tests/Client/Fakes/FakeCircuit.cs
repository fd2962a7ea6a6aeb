using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Hyperion.ChannelAccess.Tests.Client.Fakes;

/// <summary>One client's TCP circuit on the scripted server: every request it receives, with its exact bytes.</summary>
public sealed class FakeCircuit
{
    private readonly FakeCaServer _server;
    private readonly Socket _socket;
    private readonly Lock _sendLock = new();
    private readonly CancellationTokenSource _stop = new();

    internal FakeCircuit(FakeCaServer server, Socket socket)
    {
        _server = server;
        _socket = socket;
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
    }

    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>Every request, decoded, in order.</summary>
    public AsyncQueue<ReceivedMessage> Received { get; } = new();

    /// <summary>Completes when the circuit has ended (either side).</summary>
    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsClosed => Closed.Task.IsCompleted;

    /// <summary>Sends messages as one write.</summary>
    public void Send(params CaMessage[] messages)
    {
        var bytes = messages.SelectMany(m => m.ToBytes()).ToArray();
        SendRaw(bytes);
    }

    public void SendRaw(byte[] bytes)
    {
        lock (_sendLock)
        {
            if (IsClosed)
            {
                return;
            }

            try
            {
                _socket.Send(bytes);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }

    /// <summary>Drops the circuit as a crashed server would.</summary>
    public void Drop()
    {
        lock (_sendLock)
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }

            _socket.Close();
        }

        _stop.Cancel();
        Closed.TrySetResult();
    }

    internal async Task RunAsync()
    {
        try
        {
            await using var stream = new NetworkStream(_socket, ownsSocket: false);
            var reader = PipeReader.Create(stream);
            while (true)
            {
                var result = await reader.ReadAsync(_stop.Token);
                var buffer = result.Buffer;
                while (TryTake(ref buffer, out var message))
                {
                    Received.Add(message);
                    _server.Handle(this, message.Message);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            Closed.TrySetResult();
            _server.Forget(this);
        }
    }

    private static bool TryTake(ref ReadOnlySequence<byte> buffer, out ReceivedMessage message)
    {
        message = default!;
        var start = buffer;
        if (!CaFraming.TryReadFrame(ref buffer, uint.MaxValue, out _))
        {
            return false;
        }

        // Copy the message out of the pipe before decoding, so its payload outlives the read buffer.
        var bytes = start.Slice(0, start.Length - buffer.Length).ToArray();
        var copy = new ReadOnlySequence<byte>(bytes);
        CaFraming.TryReadFrame(ref copy, uint.MaxValue, out var frame);
        message = new ReceivedMessage(CaMessageDecoder.Decode(frame, CaDirection.FromClient), bytes);
        return true;
    }
}

/// <summary>A decoded request and its bytes on the wire.</summary>
public sealed record ReceivedMessage(CaMessage Message, byte[] Bytes);
