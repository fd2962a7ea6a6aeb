using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Messages;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// The socket adapter of one virtual circuit: it connects, then runs three loops over the sans-I/O
/// <see cref="ClientCircuit"/> — receive (a <see cref="PipeReader"/> over the socket, framing messages however
/// they were split, with libca's EVENTS_OFF/ON flow control when reads fall behind), send (the outbox's batches), and the watchdog (ECHO after EPICS_CA_CONN_TMO of silence, drop
/// after the echo time-out). Whichever ends first ends the circuit, and the client is told why. Replies are
/// handled under the client's lock; the tables of channels and pending requests on this circuit are the client's.
/// </summary>
internal sealed class CaCircuitConnection : IClientCircuitHandler, IAsyncDisposable
{
    private readonly CaClient _client;
    private readonly CancellationTokenSource _closing = new();
    private Task _run = Task.CompletedTask;

    /// <summary>Creates the connection (not yet started) to <paramref name="server"/>.</summary>
    public CaCircuitConnection(CaClient client, IPEndPoint server, ushort serverMinorVersion)
    {
        _client = client;
        Circuit = new ClientCircuit(server, serverMinorVersion, client.Options, this);
    }

    /// <summary>The protocol state machine.</summary>
    public ClientCircuit Circuit { get; }

    /// <summary>The server's address.</summary>
    public IPEndPoint Server => Circuit.Server;

    /// <summary>True when this circuit also carries searches (EPICS_CA_NAME_SERVERS).</summary>
    public bool IsNameServer { get; set; }

    /// <summary>True once the circuit has ended (set under the client lock).</summary>
    public bool IsClosed { get; set; }

    /// <summary>The channels created (or being created) on this circuit; guarded by the client lock.</summary>
    public HashSet<CaChannel> Channels { get; } = [];

    /// <summary>Requests awaiting replies, by I/O id; guarded by the client lock.</summary>
    public Dictionary<uint, PendingOperation> Pending { get; } = [];

    /// <summary>Queues the handshake and starts connecting in the background.</summary>
    public void Start(DateTimeOffset now)
    {
        Circuit.Start(now);
        _run = Task.Run(RunAsync);
    }

    /// <summary>Ends the circuit and waits for its loops to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        await _run.ConfigureAwait(false);
        _closing.Dispose();
    }

    private async Task RunAsync()
    {
        string reason;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var limit = new CancellationTokenSource(_client.Options.ConnectionTimeout, _client.Time))
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token, limit.Token))
            {
                await socket.ConnectAsync(Server, connect.Token).ConfigureAwait(false);
            }

            CaClientLog.CircuitConnected(_client.Logger, Server);
            using var loops = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
            Task<string>[] tasks = [ReceiveAsync(socket, loops.Token), SendAsync(socket, loops.Token), WatchdogAsync(loops.Token)];
            var first = await Task.WhenAny(tasks).ConfigureAwait(false);
            await loops.CancelAsync().ConfigureAwait(false);
            reason = _closing.IsCancellationRequested ? "closed by the client" : await ReasonAsync(first).ConfigureAwait(false);
            foreach (var task in tasks)
            {
                await ReasonAsync(task).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            reason = "closed by the client";
        }
        catch (OperationCanceledException)
        {
            reason = $"no connection within {_client.Options.ConnectionTimeout.TotalSeconds:0.###} s";
        }
#pragma warning disable CA1031 // A failed connect ends the circuit cleanly; the reason is reported.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reason = e.Message;
        }

        _client.OnCircuitLost(this, reason);
    }

    private static async Task<string> ReasonAsync(Task<string> task)
    {
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return "closed";
        }
#pragma warning disable CA1031 // Whatever ended a loop ends the circuit cleanly; the reason is reported.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e.Message;
        }
    }

    private async Task<string> ReceiveAsync(Socket socket, CancellationToken cancellationToken)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 262144, minimumReadSize: 16384, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                var pending = socket.Available > 0;
                lock (_client.Sync)
                {
                    Circuit.Receive(ref buffer, _client.Time.GetUtcNow());
                    Circuit.AfterRead(pending);
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    return "the server closed the circuit";
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task<string> SendAsync(Socket socket, CancellationToken cancellationToken)
    {
        var outbox = Circuit.Outbox;
        while (true)
        {
            await outbox.WaitAsync(cancellationToken).ConfigureAwait(false);
            while (outbox.TryTake(out var bytes))
            {
                try
                {
                    while (!bytes.IsEmpty)
                    {
                        var sent = await socket.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                        bytes = bytes[sent..];
                    }
                }
                finally
                {
                    outbox.Release();
                }
            }
        }
    }

    private async Task<string> WatchdogAsync(CancellationToken cancellationToken)
    {
        var time = _client.Time;
        while (true)
        {
            DateTimeOffset due;
            lock (_client.Sync)
            {
                due = Circuit.WatchdogDue;
            }

            var delay = due - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }

            CircuitWatchdogAction action;
            lock (_client.Sync)
            {
                action = Circuit.PollWatchdog(time.GetUtcNow());
            }

            if (action == CircuitWatchdogAction.EchoSent)
            {
                CaClientLog.EchoSent(_client.Logger, Server);
            }
            else if (action == CircuitWatchdogAction.Unresponsive)
            {
                return $"no reply to an ECHO within {_client.Options.EchoTimeout.TotalSeconds:0.###} s (ECA_UNRESPTMO)";
            }
        }
    }

    void IClientCircuitHandler.OnAccessRights(uint cid, AccessRights rights) => _client.OnAccessRights(this, cid, rights);

    void IClientCircuitHandler.OnChannelCreated(uint cid, uint sid, ushort nativeType, uint count) => _client.OnChannelCreated(this, cid, sid, nativeType, count);

    void IClientCircuitHandler.OnChannelCreateFailed(uint cid) => _client.OnChannelRefused(this, cid, "the server could not create it (CREATE_CH_FAIL)");

    void IClientCircuitHandler.OnServerDisconnected(uint cid) => _client.OnChannelRefused(this, cid, "the server dropped it (SERVER_DISCONN)");

    void IClientCircuitHandler.OnReadCompleted(uint ioid, EcaStatus status, DbrValue? value, string? error) => _client.OnReadCompleted(this, ioid, status, value, error);

    void IClientCircuitHandler.OnWriteCompleted(uint ioid, EcaStatus status) => _client.OnWriteCompleted(this, ioid, status);

    void IClientCircuitHandler.OnSubscriptionUpdate(uint subscriptionId, EcaStatus status, DbrValue? value, string? error) =>
        _client.OnSubscriptionUpdate(this, subscriptionId, status, value, error);

    void IClientCircuitHandler.OnError(ErrorResponse error) => _client.OnServerError(this, error);

    void IClientCircuitHandler.OnSearchReply(uint cid, IPEndPoint server, ushort minorVersion) => _client.OnSearchReply(cid, server, minorVersion);

    void IClientCircuitHandler.OnOversizedResponse(CaHeader header) => _client.OnOversizedResponse(this, header);
}
