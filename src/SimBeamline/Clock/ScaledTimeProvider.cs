namespace Hyperion.SimBeamline.Clock;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than real time (<c>hyperion sim --speed</c>): the wall time it
/// reports advances at that rate from the moment it was made, and timers fire after their due time divided by it,
/// so a 10 s motor move at speed 10 takes one real second and reports ten seconds of timestamps.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly DateTimeOffset _origin;
    private readonly long _originTimestamp;

    /// <summary>Creates a clock <paramref name="speed"/> times faster than <paramref name="real"/> (the system clock).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The speed is not a positive finite number.</exception>
    public ScaledTimeProvider(double speed, TimeProvider? real = null)
    {
        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The clock speed must be a positive number (1 is real time).");
        }

        Speed = speed;
        _real = real ?? System;
        _origin = _real.GetUtcNow();
        _originTimestamp = _real.GetTimestamp();
    }

    /// <summary>How many simulated seconds pass per real second.</summary>
    public double Speed { get; }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => _real.LocalTimeZone;

    /// <inheritdoc/>
    public override long TimestampFrequency => _real.TimestampFrequency;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _origin + (_real.GetElapsedTime(_originTimestamp) * Speed);

    /// <inheritdoc/>
    public override long GetTimestamp() => _originTimestamp + (long)((_real.GetTimestamp() - _originTimestamp) * Speed);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_real.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : span / Speed;

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
