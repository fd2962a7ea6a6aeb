namespace Hyperion.ChannelAccess.Server;

/// <summary>
/// When beacons go out and what they count, as rsrv's online-notify task does: the first two beacons are 20 ms
/// apart and the interval doubles up to EPICS_CAS_BEACON_PERIOD; ids count up from 0 each time the server starts,
/// which is how clients notice a restarted server.
/// </summary>
internal sealed class BeaconSchedule(TimeSpan period)
{
    /// <summary>The first interval (rsrv's 0.02 s).</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(20);

    private readonly TimeSpan _period = period > TimeSpan.Zero ? period : CaServerOptions.DefaultBeaconPeriod;
    private TimeSpan _delay = InitialDelay;
    private uint _nextId;

    /// <summary>The id of the next beacon (wraps around).</summary>
    public uint NextId() => unchecked(_nextId++);

    /// <summary>How long to wait after the beacon just sent.</summary>
    public TimeSpan NextDelay()
    {
        var delay = _delay < _period ? _delay : _period;
        if (_delay < _period)
        {
            _delay = _delay * 2 > _period ? _period : _delay * 2;
        }

        return delay;
    }
}
