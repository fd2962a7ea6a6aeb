using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// The thin socket adapter around a <see cref="ServerCircuit"/>: a reader that feeds the circuit what the client
/// sends (pausing while the client is not taking its replies), and a sender that writes the circuit's output to the
/// socket as it accumulates. When the circuit closes on a protocol error its last output (the ERROR) is flushed
/// before the connection is closed. Everything that goes wrong stays inside this connection.
/// </summary>
internal sealed class CircuitConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly ServerCircuit _circuit;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort;
    private readonly Channel<bool> _sendSignal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Channel<bool> _drainedSignal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private volatile bool _receiveDone;
    private string _closeReason = "client disconnected";

    public CircuitConnection(Socket socket, ServerCircuit circuit, ILogger logger, CancellationToken serverStopping)
    {
        _socket = socket;
        _circuit = circuit;
        _logger = logger;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(serverStopping);
        Remote = socket.RemoteEndPoint;
        _circuit.OutputAvailable = () => _sendSignal.Writer.TryWrite(true);
    }

    public EndPoint? Remote { get; }

    /// <summary>The protocol state machine this connection feeds.</summary>
    public ServerCircuit Circuit => _circuit;

    /// <summary>Serves the circuit until the client leaves, breaks the protocol, or the server stops.</summary>
    public async Task RunAsync()
    {
        CaServerLog.CircuitOpened(_logger, Remote);
        var sending = SendLoopAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            _closeReason = ex.Message;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A defect triggered by one client's bytes must not reach the others.
            CaServerLog.CircuitFailed(_logger, Remote, ex);
            _closeReason = $"server error: {ex.Message}";
        }
        finally
        {
            _receiveDone = true;
            _sendSignal.Writer.TryWrite(true);
        }

        await sending.ConfigureAwait(false);
        CaServerLog.CircuitClosed(_logger, Remote, _circuit.CloseReason ?? _closeReason);
    }

    /// <summary>Stops serving at once.</summary>
    public void Abort(string reason = "server stopping")
    {
        _closeReason = reason;
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        _circuit.Dispose();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        _socket.Dispose();
        _abort.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ReceiveLoopAsync()
    {
        var token = _abort.Token;
        var stream = new NetworkStream(_socket, ownsSocket: false);
        await using var streamScope = stream.ConfigureAwait(false);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(token).ConfigureAwait(false);
                var buffer = result.Buffer;
                var status = _circuit.Receive(ref buffer);
                reader.AdvanceTo(buffer.Start, buffer.End);
                _sendSignal.Writer.TryWrite(true);
                if (status == CircuitStatus.Closed || result.IsCompleted)
                {
                    return;
                }

                // Back-pressure: stop reading requests while the client is not taking its replies.
                while (_circuit.IsOutputCongested)
                {
                    await _drainedSignal.Reader.ReadAsync(token).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task SendLoopAsync()
    {
        var token = _abort.Token;
        try
        {
            while (true)
            {
                while (_circuit.TryTakeOutput(out var output))
                {
                    try
                    {
                        while (!output.IsEmpty)
                        {
                            var sent = await _socket.SendAsync(output, SocketFlags.None, token).ConfigureAwait(false);
                            output = output[sent..];
                        }
                    }
                    finally
                    {
                        _circuit.ReleaseOutput();
                    }

                    _drainedSignal.Writer.TryWrite(true);
                }

                if (_receiveDone)
                {
                    return;
                }

                await _sendSignal.Reader.ReadAsync(token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            // The client went away while we were sending; stop reading too.
            Abort($"sending failed: {ex.Message}");
        }
        finally
        {
            _drainedSignal.Writer.TryWrite(true);
        }
    }
}
