using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Hyperion.ChannelAccess.Server;

/// <summary>Parses EPICS address lists: whitespace-separated <c>host[:port]</c> entries, as EPICS_CA_ADDR_LIST holds them.</summary>
internal static class EpicsAddressList
{
    /// <summary>The endpoints of <paramref name="text"/>; entries without a port get <paramref name="defaultPort"/>.</summary>
    public static IReadOnlyList<IPEndPoint> Parse(string variable, string text, int defaultPort)
    {
        var endpoints = new List<IPEndPoint>();
        foreach (var entry in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var host = entry;
            var port = defaultPort;
            var colon = entry.LastIndexOf(':');
            if (colon >= 0)
            {
                host = entry[..colon];
                port = ParsePort(variable, entry[(colon + 1)..]);
            }

            endpoints.Add(new IPEndPoint(Resolve(variable, host), port));
        }

        return endpoints;
    }

    /// <summary>A port number 0 to 65535.</summary>
    public static int ParsePort(string variable, string text)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) || port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            throw new FormatException($"{variable}: '{text}' is not a port number (0 to 65535).");
        }

        return port;
    }

    private static IPAddress Resolve(string variable, string host)
    {
        if (IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetwork)
        {
            return address;
        }

        try
        {
            var resolved = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
            if (resolved is not null)
            {
                return resolved;
            }
        }
        catch (SocketException)
        {
        }
        catch (ArgumentException)
        {
        }

        throw new FormatException($"{variable}: '{host}' is neither an IPv4 address nor a host name with one.");
    }
}
