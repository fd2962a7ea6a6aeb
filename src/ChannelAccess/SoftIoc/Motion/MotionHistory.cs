namespace Hyperion.ChannelAccess.SoftIoc.Motion;

/// <summary>
/// The last few motions an axis made, each with when it began and how much of it ran (a stop or a limit switch cuts
/// one short), so an instant a reader asks about late can still be answered along the motion it fell in. Immutable
/// snapshots swapped whole: readers on other threads see either the old list or the new one.
/// </summary>
internal sealed class MotionHistory
{
    private const int Capacity = 8;

    private PastMotion[] _motions = [];

    /// <summary>Remembers a motion that began at <paramref name="start"/> and ran for <paramref name="ranSeconds"/>.</summary>
    public void Add(MotionProfile profile, long start, double ranSeconds)
    {
        var motion = new PastMotion(profile, start, Math.Clamp(ranSeconds, 0, profile.Duration));
        var kept = _motions.Length < Capacity ? _motions : _motions[1..];
        Volatile.Write(ref _motions, [.. kept, motion]);
    }

    /// <summary>
    /// The dial position at <paramref name="timestamp"/>: along the newest remembered motion that had begun by then, or
    /// where that motion left the axis when the instant came after it and before the next; false when no remembered
    /// motion had begun or the instant came after the last one ended (the axis's rest position since is the answer).
    /// </summary>
    public bool TryPositionAt(TimeProvider time, long timestamp, out double position)
    {
        var motions = Volatile.Read(ref _motions);
        for (var i = motions.Length - 1; i >= 0; i--)
        {
            var motion = motions[i];
            var elapsed = time.GetElapsedTime(motion.Start, timestamp).TotalSeconds;
            if (elapsed < 0)
            {
                continue;
            }

            if (elapsed >= motion.RanSeconds && i == motions.Length - 1)
            {
                break;
            }

            position = motion.Profile.PositionAt(Math.Min(elapsed, motion.RanSeconds));
            return true;
        }

        position = 0;
        return false;
    }

    private sealed record PastMotion(MotionProfile Profile, long Start, double RanSeconds);
}
