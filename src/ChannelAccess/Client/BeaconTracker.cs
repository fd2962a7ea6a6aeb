using System.Net;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// Sans-I/O beacon anomaly detection, as libca's bhe::updatePeriod does it. A server sends beacons
/// (CA_PROTO_RSRV_IS_UP) with an increasing number, quickly after it starts and then at a steady period; a
/// client that sees a server appear or restart searches for its unresolved channels at once.
/// <list type="bullet">
/// <item>The first beacon from a server only records it.</item>
/// <item>The second is an anomaly when its period is no longer than the client had been running when the first
/// arrived (a server started after the client did).</item>
/// <item>Later beacons that repeat a number, go back by fewer than 256 or jump ahead by 2 or 3 are duplicates
/// over redundant routes and are ignored; otherwise a period shorter than 0.8 of the running average (a
/// restarted server beacons fast) or longer than 3.25 of it (the server was unreachable) is an anomaly.</item>
/// </list>
/// Not thread-safe: the caller serializes access.
/// </summary>
internal sealed class BeaconTracker
{
    private readonly Dictionary<IPEndPoint, Server> _servers = [];
    private readonly DateTimeOffset _start;

    /// <summary>Creates a tracker for a client that started at <paramref name="start"/>.</summary>
    public BeaconTracker(DateTimeOffset start) => _start = start;

    /// <summary>How many servers have been heard.</summary>
    public int Count => _servers.Count;

    /// <summary>Records a beacon; true when it shows a server that appeared or came back.</summary>
    public bool OnBeacon(IPEndPoint server, uint beaconNumber, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (!_servers.TryGetValue(server, out var state))
        {
            _servers[server] = new Server { LastNumber = beaconNumber, LastTime = now };
            return false;
        }

        var advance = unchecked(beaconNumber - state.LastNumber);
        state.LastNumber = beaconNumber;
        if (advance == 0 || advance > uint.MaxValue - 256 || advance is > 1 and < 4)
        {
            return false;
        }

        var period = now - state.LastTime;
        var anomaly = false;
        if (state.AveragePeriod is not { } average)
        {
            state.AveragePeriod = period;
            anomaly = period <= state.LastTime - _start;
        }
        else
        {
            anomaly = period >= average * 3.25 || period <= average * 0.8;
            state.AveragePeriod = (period * 0.125) + (average * 0.875);
        }

        state.LastTime = now;
        return anomaly;
    }

    /// <summary>Forgets a server (its circuit is gone and it may come back with new numbering).</summary>
    public void Forget(IPEndPoint server) => _servers.Remove(server);

    private sealed class Server
    {
        public uint LastNumber { get; set; }

        public DateTimeOffset LastTime { get; set; }

        public TimeSpan? AveragePeriod { get; set; }
    }
}
