using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Dbr;

/// <summary>An EPICS time stamp: seconds and nanoseconds since the EPICS epoch, 1990-01-01 00:00:00 UTC.</summary>
/// <param name="SecondsPastEpoch">Whole seconds since 1990-01-01 UTC.</param>
/// <param name="Nanoseconds">Nanoseconds within the second (0 to 999,999,999).</param>
public readonly record struct EpicsTimestamp(uint SecondsPastEpoch, uint Nanoseconds)
{
    /// <summary>The EPICS epoch.</summary>
    public static readonly DateTimeOffset Epoch = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The time as a UTC instant (100 ns resolution).</summary>
    public DateTimeOffset ToDateTimeOffset() => Epoch.AddSeconds(SecondsPastEpoch).AddTicks(Nanoseconds / 100);

    /// <summary>Seconds since the Unix epoch, as bluesky's timestamps are.</summary>
    public double ToUnixSeconds() => SecondsPastEpoch + CaProtocol.EpicsEpochOffsetSeconds + (Nanoseconds / 1e9);

    /// <summary>The time stamp of <paramref name="time"/> (times before the EPICS epoch become the epoch).</summary>
    public static EpicsTimestamp From(DateTimeOffset time)
    {
        var since = time - Epoch;
        if (since < TimeSpan.Zero)
        {
            return default;
        }

        var seconds = (uint)Math.Min(uint.MaxValue, Math.Floor(since.TotalSeconds));
        var nanoseconds = (uint)((since.Ticks % TimeSpan.TicksPerSecond) * 100);
        return new EpicsTimestamp(seconds, nanoseconds);
    }

    /// <inheritdoc />
    public override string ToString() => ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture);
}
