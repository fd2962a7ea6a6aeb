using System.Net;
using System.Net.Sockets;
using Hyperion.ChannelAccess.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// A Channel Access server for the PVs of an <see cref="IPvProvider"/>, as EPICS base's rsrv serves an IOC's records:
/// a UDP search responder on the server port (shared with other servers on the host), a TCP listener with one
/// independent <see cref="ServerCircuit"/> per connection, and beacons to the repeater with base's back-off. It
/// binds loopback by default (<see cref="CaServerOptions.InterfaceAddresses"/>). Start, stop and start again: a
/// restarted server's beacon ids begin again at 0, which is how clients notice the restart.
/// </summary>
public sealed class CaServer : IAsyncDisposable
{
    private const int ListenBacklog = 128;
    private const int MaxUdpDatagram = 0xFFFF + 16;
    private const int BindAttempts = 20;

    private readonly IPvProvider _provider;
    private readonly ILogger _logger;
    private readonly ILogger _circuitLogger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<CircuitConnection, (Running Owner, Task Task)> _connections = [];
    private Running? _running;

    /// <summary>Creates a stopped server.</summary>
    /// <param name="provider">The PVs to serve.</param>
    /// <param name="options">Addresses, ports and limits (default: loopback, port 5064; see <see cref="CaServerOptions.FromEnvironment()"/>).</param>
    /// <param name="loggerFactory">Where the server and its circuits log.</param>
    /// <param name="timeProvider">The clock beacons are timed by.</param>
    public CaServer(IPvProvider provider, CaServerOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        _provider = provider;
        Options = options ?? new CaServerOptions();
        if (Options.InterfaceAddresses.Count == 0 || Options.InterfaceAddresses.Any(a => a.AddressFamily != AddressFamily.InterNetwork))
        {
            throw new ArgumentException("The server listens on one or more IPv4 interface addresses.", nameof(options));
        }

        if (Options.ServerPort is < IPEndPoint.MinPort or > IPEndPoint.MaxPort || Options.BeaconPort is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Ports are 0 to 65535 (server port {Options.ServerPort}, beacon port {Options.BeaconPort}).");
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<CaServer>();
        _circuitLogger = loggerFactory.CreateLogger<ServerCircuit>();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The options the server was created with.</summary>
    public CaServerOptions Options { get; }

    /// <summary>True between <see cref="StartAsync"/> and <see cref="StopAsync"/>.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _running is not null;
            }
        }
    }

    /// <summary>The TCP port circuits connect to (announced in search replies and beacons); 0 while stopped.</summary>
    public int TcpPort => CurrentOrDefault()?.TcpPort ?? 0;

    /// <summary>The UDP port searches are answered on; 0 while stopped.</summary>
    public int UdpPort => CurrentOrDefault()?.UdpPort ?? 0;

    /// <summary>Where beacons are sent while running.</summary>
    public IReadOnlyList<IPEndPoint> BeaconDestinations => CurrentOrDefault()?.BeaconDestinations ?? [];

    /// <summary>The number of connected circuits.</summary>
    public int CircuitCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>
    /// Binds the sockets and starts serving. Throws <see cref="InvalidOperationException"/> when already running
    /// and <see cref="SocketException"/> when the search port cannot be bound.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_running is not null)
            {
                throw new InvalidOperationException("The server is already running.");
            }

            var running = Bind();
            _running = running;
            _provider.PvsWithdrawn += OnPvsWithdrawn;
            var token = running.Stopping.Token;
            foreach (var listener in running.Listeners)
            {
                running.Tasks.Add(AcceptLoopAsync(listener, running, token));
            }

            foreach (var (receive, reply) in running.SearchSockets)
            {
                var responder = new SearchResponder(_provider, () => (ushort)running.TcpPort);
                running.Tasks.Add(SearchLoopAsync(receive, reply, responder, token));
            }

            if (running.BeaconDestinations.Count > 0)
            {
                running.Tasks.Add(BeaconLoopAsync(running, token));
            }

            var endpoints = string.Join(", ", running.Listeners.Select(l => l.LocalEndPoint));
            var beacons = running.BeaconDestinations.Count == 0 ? "nowhere" : string.Join(", ", running.BeaconDestinations);
            CaServerLog.Started(_logger, endpoints, running.TcpPort, running.UdpPort, beacons);
        }

        return Task.CompletedTask;
    }

    /// <summary>Stops serving: closes the sockets and every circuit, and waits for them to finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Running? running;
        List<Task> tasks;
        lock (_gate)
        {
            running = _running;
            _running = null;
            if (running is null)
            {
                return;
            }

            running.Stopping.Cancel();
            _provider.PvsWithdrawn -= OnPvsWithdrawn;
            tasks = [.. running.Tasks, .. CircuitsOf(running)];
        }

        foreach (var socket in running.Listeners.Concat(running.SearchSockets.SelectMany(s => new[] { s.Receive, s.Reply })).Distinct())
        {
            socket.Dispose();
        }

        await Task.WhenAll(tasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            // A connection accepted just as the server stopped is already cancelled; wait for it too.
            lock (_gate)
            {
                tasks = CircuitsOf(running);
            }

            if (tasks.Count == 0)
            {
                break;
            }

            await Task.WhenAll(tasks).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        running.Stopping.Dispose();
        CaServerLog.Stopped(_logger, running.TcpPort);
    }

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private void OnPvsWithdrawn(object? sender, PvsWithdrawnEventArgs e)
    {
        List<CircuitConnection> connections;
        lock (_gate)
        {
            connections = [.. _connections.Keys];
        }

        var dropped = connections.Sum(c => c.Circuit.Withdraw(e.Matches));
        CaServerLog.PvsWithdrawn(_logger, dropped, e.Reason);
    }

    private List<Task> CircuitsOf(Running running) =>
        [.. _connections.Values.Where(c => c.Owner == running).Select(c => c.Task)];

    private Running? CurrentOrDefault()
    {
        lock (_gate)
        {
            return _running;
        }
    }

    private Running Bind()
    {
        var requested = Options.ServerPort;
        var tcpPort = requested;
        SocketException? last = null;
        for (var attempt = 0; attempt < BindAttempts; attempt++)
        {
            var listeners = new List<Socket>();
            var udp = new List<(Socket Receive, Socket Reply)>();
            try
            {
                foreach (var address in Options.InterfaceAddresses)
                {
                    var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    listeners.Add(listener);
                    listener.Bind(new IPEndPoint(address, tcpPort));
                    listener.Listen(ListenBacklog);
                    tcpPort = ((IPEndPoint)listener.LocalEndPoint!).Port;
                }
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                // rsrv: when the configured TCP port is taken, serve on any free one and keep the UDP port.
                DisposeAll(listeners);
                last = ex;
                tcpPort = 0;
                continue;
            }

            var udpPort = requested != 0 ? requested : tcpPort;
            try
            {
                foreach (var address in Options.InterfaceAddresses)
                {
                    var unicast = BindUdp(new IPEndPoint(address, udpPort));
                    udp.Add((unicast, unicast));
                    if (!OperatingSystem.IsWindows() && !address.Equals(IPAddress.Any) && !IPAddress.IsLoopback(address)
                        && NetworkInterfaces.BroadcastOf(address) is { } broadcast)
                    {
                        // Bound to one interface, a socket hears only unicast; a second one bound to the
                        // interface's broadcast address hears the broadcast searches (as rsrv does).
                        udp.Add((BindUdp(new IPEndPoint(broadcast, udpPort)), unicast));
                    }
                }
            }
            catch (SocketException ex) when (requested == 0)
            {
                // The free TCP port's number is taken for UDP: try another pair.
                DisposeAll(listeners);
                DisposeAll(udp.SelectMany(u => new[] { u.Receive, u.Reply }).Distinct());
                last = ex;
                tcpPort = 0;
                continue;
            }
            catch
            {
                DisposeAll(listeners);
                DisposeAll(udp.SelectMany(u => new[] { u.Receive, u.Reply }).Distinct());
                throw;
            }

            if (requested != 0 && tcpPort != requested)
            {
                CaServerLog.TcpPortInUse(_logger, requested, tcpPort);
            }

            return new Running(listeners, udp, tcpPort, udpPort, ResolveBeaconDestinations());
        }

        throw last ?? new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    private static Socket BindUdp(IPEndPoint endpoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // Several servers on one host share the search port, as EPICS servers do.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.EnableBroadcast = true;
            socket.Bind(endpoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private List<IPEndPoint> ResolveBeaconDestinations()
    {
        var destinations = new List<IPEndPoint>(Options.BeaconAddresses);
        if (Options.AutoBeaconAddresses)
        {
            foreach (var address in Options.InterfaceAddresses)
            {
                destinations.AddRange(NetworkInterfaces.BeaconDestinations(address).Select(a => new IPEndPoint(a, Options.BeaconPort)));
            }
        }

        return [.. destinations.Distinct()];
    }

    private async Task AcceptLoopAsync(Socket listener, Running running, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                if (token.IsCancellationRequested)
                {
                    return;
                }

                CaServerLog.AcceptFailed(_logger, SafeLocalEndPoint(listener), ex);
                continue;
            }

            StartCircuit(client, running, token);
        }
    }

    private void StartCircuit(Socket client, Running running, CancellationToken token)
    {
        try
        {
            client.NoDelay = true;
            client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        }
        catch (SocketException)
        {
            // The client is already gone; the circuit will notice.
        }

        var options = new ServerCircuitOptions
        {
            ServerPort = (ushort)running.TcpPort,
            MaxArrayBytes = Math.Max(Options.MaxArrayBytes, CaServerOptions.MinimumMaxArrayBytes),
            MaxQueuedUpdates = Options.MaxQueuedUpdates,
        };
        var circuit = new ServerCircuit(_provider, options, client.RemoteEndPoint as IPEndPoint, _circuitLogger);
        var connection = new CircuitConnection(client, circuit, _circuitLogger, token);
        lock (_gate)
        {
            _connections.Add(connection, (running, RunCircuitAsync(connection)));
        }
    }

    private async Task RunCircuitAsync(CircuitConnection connection)
    {
        await Task.Yield();
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _connections.Remove(connection);
            }
        }
    }

    private async Task SearchLoopAsync(Socket receive, Socket reply, SearchResponder responder, CancellationToken token)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxUdpDatagram);
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!token.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await receive.ReceiveFromAsync(buffer, SocketFlags.None, any, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                if (token.IsCancellationRequested)
                {
                    return;
                }

                CaServerLog.UdpReceiveFailed(_logger, SafeLocalEndPoint(receive), ex);
                continue;
            }

            IReadOnlyList<byte[]> replies;
            try
            {
                replies = responder.Respond(buffer.AsSpan(0, received.ReceivedBytes));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A defect triggered by one datagram must not stop the responder.
                CaServerLog.UdpReceiveFailed(_logger, SafeLocalEndPoint(receive), ex);
                continue;
            }

            if (responder.LastIgnoredReason is { } reason)
            {
                CaServerLog.DatagramIgnored(_logger, received.RemoteEndPoint, reason);
            }

            foreach (var datagram in replies)
            {
                try
                {
                    await reply.SendToAsync(datagram, SocketFlags.None, received.RemoteEndPoint, token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException ex)
                {
                    CaServerLog.ReplyFailed(_logger, received.RemoteEndPoint, ex.Message);
                }
            }
        }
    }

    private async Task BeaconLoopAsync(Running running, CancellationToken token)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { EnableBroadcast = true };
        var schedule = new BeaconSchedule(Options.BeaconPeriod);
        var beacon = new byte[CaProtocol.HeaderSize];
        while (!token.IsCancellationRequested)
        {
            new CaHeader(CaCommand.RsrvIsUp, 0, CaProtocol.MinorVersion, (uint)running.TcpPort, schedule.NextId(), 0).Write(beacon);
            foreach (var destination in running.BeaconDestinations)
            {
                try
                {
                    await socket.SendToAsync(beacon, SocketFlags.None, destination, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (SocketException ex)
                {
                    CaServerLog.BeaconFailed(_logger, destination, ex.Message);
                }
            }

            try
            {
                await Task.Delay(schedule.NextDelay(), _time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static EndPoint? SafeLocalEndPoint(Socket socket)
    {
        try
        {
            return socket.LocalEndPoint;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    private static void DisposeAll(IEnumerable<Socket> sockets)
    {
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }

    /// <summary>What one Start bound and started.</summary>
    private sealed class Running(List<Socket> listeners, List<(Socket Receive, Socket Reply)> searchSockets, int tcpPort, int udpPort, List<IPEndPoint> beaconDestinations)
    {
        public List<Socket> Listeners { get; } = listeners;

        public List<(Socket Receive, Socket Reply)> SearchSockets { get; } = searchSockets;

        public int TcpPort { get; } = tcpPort;

        public int UdpPort { get; } = udpPort;

        public List<IPEndPoint> BeaconDestinations { get; } = beaconDestinations;

        public CancellationTokenSource Stopping { get; } = new();

        public List<Task> Tasks { get; } = [];
    }
}
