using System.Text;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Client;

/// <summary>
/// Sans-I/O name resolution: which unresolved channels to search for, when, and packed into which datagrams.
/// <para>
/// Each channel backs off on its own, as libca's search timers do: after a search at level L the next one is due
/// <see cref="Period"/>(L) = MinSearchPeriod × 2^L later, capped at EPICS_CA_MAX_SEARCH_PERIOD. Every datagram
/// starts with a VERSION message carrying a sequence number (libca's udpiiu::pushVersionMsg; base ≥ 3.16.1
/// ignores searches without it), followed by as many SEARCH requests (DONTREPLY) as fit in 1024 bytes
/// (libca's MAX_UDP_SEND), lowest levels first so that new channels go out before old retries.
/// </para>
/// <para>
/// A pass sends at most <see cref="Window"/> datagrams and then waits for its replies (or a time-out of about
/// two round trips) before the next: a pass answered in full doubles the window, one that times out halves it
/// (libca's searchTimer frames-per-try congestion control). So thousands of channels resolve in a few round
/// trips without overflowing a server's socket buffer. A pass made only of retries does not hold back channels
/// that have not been searched for yet.
/// </para>
/// <para>
/// A beacon anomaly (a server started or came back) makes every unresolved channel due at once and no
/// slower than the ~5 s level (libca's beaconAnomalyNotify moves channels to that timer; we also search at once).
/// </para>
/// Not thread-safe: the caller serializes access.
/// </summary>
internal sealed class SearchScheduler
{
    /// <summary>The largest search datagram (libca's MAX_UDP_SEND).</summary>
    public const int MaxDatagramBytes = 1024;

    /// <summary>Datagrams in the first pass.</summary>
    public const int InitialWindow = 4;

    /// <summary>The most datagrams in one pass.</summary>
    public const int MaxWindow = 256;

    /// <summary>libca's sequenceNoIsValid: the VERSION message of a search datagram carries a sequence number.</summary>
    private const ushort SequenceNumberIsValid = 1;

    private static readonly TimeSpan BeaconAnomalySearchPeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxPassTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<uint, Entry> _entries = [];
    private readonly List<Entry> _due = [];
    private readonly TimeSpan _minPeriod;
    private readonly TimeSpan _maxPeriod;
    private readonly int _maxLevel;
    private readonly int _beaconAnomalyLevel;
    private uint _sequence;
    private int _outstanding;
    private bool _passHasNewChannels;
    private DateTimeOffset? _passDeadline;
    private DateTimeOffset _passStart;
    private TimeSpan _roundTrip;

    /// <summary>Creates a scheduler backing off from <paramref name="minPeriod"/> to <paramref name="maxPeriod"/>.</summary>
    public SearchScheduler(TimeSpan minPeriod, TimeSpan maxPeriod)
    {
        if (minPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(minPeriod), minPeriod, "The first search period must be positive.");
        }

        _minPeriod = minPeriod;
        _maxPeriod = maxPeriod < minPeriod ? minPeriod : maxPeriod;
        _roundTrip = minPeriod / 2;
        while (_maxLevel < 30 && Period(_maxLevel) < _maxPeriod)
        {
            _maxLevel++;
        }

        while (_beaconAnomalyLevel < _maxLevel && Period(_beaconAnomalyLevel) < BeaconAnomalySearchPeriod)
        {
            _beaconAnomalyLevel++;
        }
    }

    /// <summary>How many channels are unresolved.</summary>
    public int Count => _entries.Count;

    /// <summary>Datagrams allowed in the next pass.</summary>
    public int Window { get; private set; } = InitialWindow;

    /// <summary>The sequence number of the last datagram built.</summary>
    public uint Sequence => _sequence;

    /// <summary>The interval after a search at back-off <paramref name="level"/>.</summary>
    public TimeSpan Period(int level)
    {
        var ticks = _minPeriod.Ticks * Math.Pow(2, Math.Min(level, 40));
        return ticks >= _maxPeriod.Ticks ? _maxPeriod : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The back-off level of <paramref name="cid"/>, or -1 when it is not being searched for.</summary>
    public int LevelOf(uint cid) => _entries.TryGetValue(cid, out var entry) ? entry.Level : -1;

    /// <summary>True when <paramref name="cid"/> is being searched for.</summary>
    public bool Contains(uint cid) => _entries.ContainsKey(cid);

    /// <summary>Starts searching for a channel (again) from the shortest period, first at <paramref name="due"/>.</summary>
    public void Add(uint cid, string name, DateTimeOffset due)
    {
        Remove(cid);
        _entries[cid] = new Entry(cid, name) { Due = due };
    }

    /// <summary>Stops searching for <paramref name="cid"/>. Returns true when that completed the current pass.</summary>
    public bool Remove(uint cid)
    {
        if (!_entries.Remove(cid, out var entry) || !entry.InPass)
        {
            return false;
        }

        _outstanding--;
        return _outstanding == 0 && _passDeadline is not null;
    }

    /// <summary>
    /// A server answered for <paramref name="cid"/>: it is resolved. Returns true when that completed the current
    /// pass, so the next one may go at once.
    /// </summary>
    public bool OnResponse(uint cid, DateTimeOffset now)
    {
        if (_entries.TryGetValue(cid, out var entry) && entry.InPass)
        {
            var sample = now - _passStart;
            _roundTrip = TimeSpan.FromTicks(((_roundTrip.Ticks * 7) + Math.Max(0, sample.Ticks)) / 8);
        }

        return Remove(cid);
    }

    /// <summary>A server appeared or restarted: every unresolved channel is due now, backing off from at most the ~5 s level.</summary>
    public void OnBeaconAnomaly(DateTimeOffset now)
    {
        EndPass();
        foreach (var entry in _entries.Values)
        {
            entry.Due = now;
            entry.Level = Math.Min(entry.Level, _beaconAnomalyLevel);
        }
    }

    /// <summary>
    /// Builds the datagrams due at <paramref name="now"/> into <paramref name="datagrams"/> and returns when to
    /// poll next (null: nothing to search for).
    /// </summary>
    public DateTimeOffset? Poll(DateTimeOffset now, List<byte[]> datagrams)
    {
        ArgumentNullException.ThrowIfNull(datagrams);
        if (_passDeadline is { } deadline)
        {
            if (_outstanding > 0 && now < deadline)
            {
                // A pass of new channels holds the next back until answered; a pass of retries does not hold back
                // channels that have not been searched for yet.
                if (_passHasNewChannels || !NewChannelDue(now))
                {
                    return deadline;
                }

                EndPass();
            }
            else
            {
                Window = _outstanding > 0 ? Math.Max(1, Window / 2) : Math.Min(MaxWindow, Window * 2);
                EndPass();
            }
        }

        _due.Clear();
        foreach (var entry in _entries.Values)
        {
            if (entry.Due <= now)
            {
                _due.Add(entry);
            }
        }

        if (_due.Count == 0)
        {
            return NextDue();
        }

        _due.Sort(static (a, b) => a.Level != b.Level ? a.Level.CompareTo(b.Level) : a.Due != b.Due ? a.Due.CompareTo(b.Due) : a.Cid.CompareTo(b.Cid));
        var buffer = new byte[MaxDatagramBytes];
        var index = 0;
        for (var sent = 0; sent < Window && index < _due.Count; sent++)
        {
            var length = WriteVersion(buffer);
            var first = index;
            while (index < _due.Count)
            {
                var entry = _due[index];
                var size = CaProtocol.HeaderSize + entry.PaddedNameSize;
                if (length + size > MaxDatagramBytes && index > first)
                {
                    break;
                }

                length += WriteSearch(entry, buffer.AsSpan(length));
                _passHasNewChannels |= entry.Level == 0;
                entry.InPass = true;
                entry.Due = now + Period(entry.Level);
                entry.Level = Math.Min(entry.Level + 1, _maxLevel);
                _outstanding++;
                index++;
            }

            datagrams.Add(buffer.AsSpan(0, length).ToArray());
        }

        _passStart = now;
        _passDeadline = now + PassTimeout;
        return _passDeadline;
    }

    /// <summary>How long a pass waits for its replies: about two round trips, at least the first search period.</summary>
    public TimeSpan PassTimeout
    {
        get
        {
            var twice = _roundTrip * 2;
            return twice < _minPeriod ? _minPeriod : twice > MaxPassTimeout ? MaxPassTimeout : twice;
        }
    }

    /// <summary>The largest name a search datagram can carry (its VERSION and SEARCH headers, the NUL and padding included).</summary>
    public static bool FitsInDatagram(string name) =>
        (2 * CaProtocol.HeaderSize) + CaProtocol.Pad8(Encoding.Latin1.GetByteCount(name) + 1) <= MaxDatagramBytes;

    private DateTimeOffset? NextDue()
    {
        DateTimeOffset? next = null;
        foreach (var entry in _entries.Values)
        {
            if (next is null || entry.Due < next)
            {
                next = entry.Due;
            }
        }

        return next;
    }

    private bool NewChannelDue(DateTimeOffset now)
    {
        foreach (var entry in _entries.Values)
        {
            if (entry.Level == 0 && entry.Due <= now)
            {
                return true;
            }
        }

        return false;
    }

    private void EndPass()
    {
        _passDeadline = null;
        _passHasNewChannels = false;
        _outstanding = 0;
        foreach (var entry in _entries.Values)
        {
            entry.InPass = false;
        }
    }

    private int WriteVersion(Span<byte> destination)
    {
        _sequence++;
        return new CaHeader(CaCommand.Version, 0, SequenceNumberIsValid, CaProtocol.MinorVersion, _sequence, 0).Write(destination);
    }

    private static int WriteSearch(Entry entry, Span<byte> destination)
    {
        var written = new CaHeader(CaCommand.Search, (uint)entry.PaddedNameSize, CaProtocol.DontReply, CaProtocol.MinorVersion, entry.Cid, entry.Cid).Write(destination);
        var payload = destination.Slice(written, entry.PaddedNameSize);
        payload.Clear();
        Encoding.Latin1.GetBytes(entry.Name, payload);
        return written + entry.PaddedNameSize;
    }

    private sealed class Entry(uint cid, string name)
    {
        public uint Cid { get; } = cid;

        public string Name { get; } = name;

        public int PaddedNameSize { get; } = CaProtocol.Pad8(Encoding.Latin1.GetByteCount(name) + 1);

        public int Level { get; set; }

        public DateTimeOffset Due { get; set; }

        public bool InPass { get; set; }
    }
}
