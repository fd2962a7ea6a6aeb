using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// Turns EPICS address lists ("host[:port]" entries) into IPv4 endpoints, and finds the interfaces' broadcast
/// addresses for EPICS_CA_AUTO_ADDR_LIST. Channel Access is IPv4 only.
/// </summary>
internal static class CaAddressList
{
    /// <summary>Splits "host[:port]"; throws <see cref="FormatException"/> naming the entry when the port is not a number.</summary>
    public static (string Host, int Port) Parse(string entry, int defaultPort)
    {
        var text = entry.Trim();
        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return (text, defaultPort);
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is <= 0 or > ushort.MaxValue)
        {
            throw new FormatException($"'{entry}' is not host[:port] with a port from 1 to 65535.");
        }

        return (text[..colon], port);
    }

    /// <summary>
    /// Resolves every entry to an IPv4 endpoint (host names through DNS); duplicates are dropped. An entry that does
    /// not resolve is reported to <paramref name="onError"/> (or thrown without one) and the others are kept.
    /// </summary>
    public static async Task<IReadOnlyList<IPEndPoint>> ResolveAsync(IEnumerable<string> entries, int defaultPort, CancellationToken cancellationToken, Action<string, Exception>? onError = null)
    {
        var endpoints = new List<IPEndPoint>();
        foreach (var entry in entries)
        {
            try
            {
                var endpoint = await ResolveAsync(entry, defaultPort, cancellationToken).ConfigureAwait(false);
                if (!endpoints.Contains(endpoint))
                {
                    endpoints.Add(endpoint);
                }
            }
            catch (Exception e) when (onError is not null && e is FormatException or SocketException)
            {
                onError(entry, e);
            }
        }

        return endpoints;
    }

    private static async Task<IPEndPoint> ResolveAsync(string entry, int defaultPort, CancellationToken cancellationToken)
    {
        var (host, port) = Parse(entry, defaultPort);
        if (!IPAddress.TryParse(host, out var address))
        {
            var addresses = await Dns.GetHostAddressesAsync(host, AddressFamily.InterNetwork, cancellationToken).ConfigureAwait(false);
            address = addresses.FirstOrDefault();
        }

        return address is not null && address.AddressFamily == AddressFamily.InterNetwork
            ? new IPEndPoint(address, port)
            : throw new FormatException($"'{entry}' does not name an IPv4 host.");
    }

    /// <summary>
    /// The broadcast address of every IPv4 interface that is up and not loopback, as libca's
    /// osiSockDiscoverBroadcastAddresses finds them, each with <paramref name="port"/>.
    /// </summary>
    public static IReadOnlyList<IPEndPoint> BroadcastAddresses(int port)
    {
        var result = new List<IPEndPoint>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                if (unicast.Address.AddressFamily != AddressFamily.InterNetwork || unicast.IPv4Mask is null)
                {
                    continue;
                }

                var address = BitConverter.ToUInt32(unicast.Address.GetAddressBytes());
                var mask = BitConverter.ToUInt32(unicast.IPv4Mask.GetAddressBytes());
                var broadcast = new IPEndPoint(new IPAddress(BitConverter.GetBytes(address | ~mask)), port);
                if (!result.Contains(broadcast))
                {
                    result.Add(broadcast);
                }
            }
        }

        return result;
    }
}
