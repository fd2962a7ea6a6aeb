using System.Net;
using System.Net.Sockets;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// The client's UDP socket: search datagrams go out through it, and search replies, beacons forwarded by the CA
/// repeater and the repeater's confirmation come back to it. Broadcast is enabled for EPICS_CA_AUTO_ADDR_LIST.
/// </summary>
internal sealed class CaDatagramSocket : IDisposable
{
    private const int ReceiveBufferBytes = 1 << 20;
    private readonly Socket _socket;

    /// <summary>Binds an ephemeral port on every interface.</summary>
    public CaDatagramSocket()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { EnableBroadcast = true };
        try
        {
            // A burst of search replies for thousands of channels must not overflow the default buffer.
            _socket.ReceiveBufferSize = ReceiveBufferBytes;
        }
        catch (SocketException)
        {
            // The system keeps its own limit.
        }

        _socket.Bind(new IPEndPoint(IPAddress.Any, 0));
    }

    /// <summary>The bound address (port chosen by the system).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Sends one datagram.</summary>
    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> datagram, IPEndPoint destination, CancellationToken cancellationToken) =>
        _socket.SendToAsync(datagram, SocketFlags.None, destination, cancellationToken);

    /// <summary>Receives datagrams until cancelled, handing each (a view of a reused buffer) to <paramref name="onDatagram"/>.</summary>
    public async Task ReceiveAsync(Action<ReadOnlyMemory<byte>, IPEndPoint> onDatagram, CancellationToken cancellationToken)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(ushort.MaxValue);
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.MessageSize)
            {
                // An ICMP "port unreachable" for an earlier datagram, or an oversized one: keep listening.
                continue;
            }

            onDatagram(buffer.AsMemory(0, result.ReceivedBytes), (IPEndPoint)result.RemoteEndPoint);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
