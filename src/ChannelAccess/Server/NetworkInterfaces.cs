using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Hyperion.ChannelAccess.Server;

/// <summary>The host's IPv4 interfaces as the server needs them: broadcast addresses for beacons and searches.</summary>
internal static class NetworkInterfaces
{
    /// <summary>
    /// The broadcast addresses beacons go to automatically for a server on <paramref name="address"/>: the
    /// interface's broadcast address, every interface's for the wildcard address, and the local repeater
    /// (127.0.0.1) for loopback.
    /// </summary>
    public static IEnumerable<IPAddress> BeaconDestinations(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
        {
            yield return IPAddress.Loopback;
            yield break;
        }

        foreach (var (unicast, broadcast) in Ipv4Interfaces())
        {
            if (address.Equals(IPAddress.Any) || address.Equals(unicast))
            {
                yield return broadcast;
            }
        }
    }

    /// <summary>The broadcast address of the interface that has <paramref name="address"/>, if any.</summary>
    public static IPAddress? BroadcastOf(IPAddress address)
    {
        foreach (var (unicast, broadcast) in Ipv4Interfaces())
        {
            if (unicast.Equals(address))
            {
                return broadcast;
            }
        }

        return null;
    }

    private static IEnumerable<(IPAddress Unicast, IPAddress Broadcast)> Ipv4Interfaces()
    {
        NetworkInterface[] interfaces;
        try
        {
            interfaces = NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            yield break;
        }

        foreach (var nic in interfaces)
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

                var address = unicast.Address.GetAddressBytes();
                var mask = unicast.IPv4Mask.GetAddressBytes();
                var broadcast = new byte[4];
                for (var i = 0; i < 4; i++)
                {
                    broadcast[i] = (byte)(address[i] | ~mask[i]);
                }

                yield return (unicast.Address, new IPAddress(broadcast));
            }
        }
    }
}
