namespace Hyperion.ChannelAccess.SoftIoc.Motion;

/// <summary>
/// A simulated axis's motion from one position to another as a motor controller drives it: accelerate from the
/// base speed (VBAS) to the slew speed (VELO) in the acceleration time (ACCL), cruise, and decelerate symmetrically
/// — a trapezoid, or a triangle when the move is too short to reach full speed — or a deceleration to rest when
/// stopped. Pure: positions and velocities as functions of time since the profile began.
/// </summary>
public sealed class MotionProfile
{
    private readonly MotionSegment[] _segments;

    private MotionProfile(double start, double end, MotionSegment[] segments)
    {
        Start = start;
        End = end;
        _segments = segments;
        Duration = segments.Length == 0 ? 0 : segments[^1].StartTime + segments[^1].Duration;
    }

    /// <summary>Where the motion starts.</summary>
    public double Start { get; }

    /// <summary>Where it ends.</summary>
    public double End { get; }

    /// <summary>How long it takes, in seconds.</summary>
    public double Duration { get; }

    /// <summary>The constant-acceleration segments, in order.</summary>
    public IReadOnlyList<MotionSegment> Segments => _segments;

    /// <summary>
    /// A move from <paramref name="start"/> to <paramref name="target"/> at slew speed <paramref name="velocity"/>,
    /// starting and ending at <paramref name="baseVelocity"/>, with <paramref name="accelerationTime"/> seconds to go
    /// from base to slew speed (the motor record's ACCL). A non-positive velocity moves instantly.
    /// </summary>
    public static MotionProfile Move(double start, double target, double velocity, double baseVelocity, double accelerationTime)
    {
        var distance = Math.Abs(target - start);
        if (distance == 0 || !(velocity > 0) || double.IsInfinity(velocity))
        {
            return new MotionProfile(start, target, []);
        }

        var sign = Math.Sign(target - start);
        var vb = Math.Clamp(baseVelocity, 0, velocity);
        if (!(accelerationTime > 0) || vb == velocity)
        {
            // Constant speed throughout.
            return new MotionProfile(start, target, [new MotionSegment(0, distance / velocity, start, sign * velocity, 0)]);
        }

        var acceleration = (velocity - vb) / accelerationTime;
        var rampDistance = (velocity + vb) / 2 * accelerationTime;
        if (2 * rampDistance <= distance)
        {
            var cruise = (distance - (2 * rampDistance)) / velocity;
            var up = new MotionSegment(0, accelerationTime, start, sign * vb, sign * acceleration);
            var flat = new MotionSegment(accelerationTime, cruise, up.EndPosition, sign * velocity, 0);
            var down = new MotionSegment(accelerationTime + cruise, accelerationTime, flat.EndPosition, sign * velocity, -sign * acceleration);
            return new MotionProfile(start, target, [up, flat, down]);
        }

        // Too short to reach slew speed: accelerate to the peak that covers half the distance, then decelerate.
        var peak = Math.Sqrt((vb * vb) + (acceleration * distance));
        var rampTime = (peak - vb) / acceleration;
        var rise = new MotionSegment(0, rampTime, start, sign * vb, sign * acceleration);
        var fall = new MotionSegment(rampTime, rampTime, rise.EndPosition, sign * peak, -sign * acceleration);
        return new MotionProfile(start, target, [rise, fall]);
    }

    /// <summary>
    /// Coming to rest from <paramref name="position"/> moving at <paramref name="velocity"/>: decelerating at the rate
    /// that takes <paramref name="accelerationTime"/> seconds between <paramref name="baseVelocity"/> and
    /// <paramref name="slewVelocity"/>, down to the base speed, then stopping.
    /// </summary>
    public static MotionProfile Stop(double position, double velocity, double slewVelocity, double baseVelocity, double accelerationTime)
    {
        var speed = Math.Abs(velocity);
        var vb = Math.Clamp(baseVelocity, 0, Math.Max(slewVelocity, 0));
        if (speed <= vb || !(accelerationTime > 0) || !(slewVelocity > vb))
        {
            return new MotionProfile(position, position, []);
        }

        var deceleration = (slewVelocity - vb) / accelerationTime;
        var sign = Math.Sign(velocity);
        var segment = new MotionSegment(0, (speed - vb) / deceleration, position, velocity, -sign * deceleration);
        return new MotionProfile(position, segment.EndPosition, [segment]);
    }

    /// <summary>Position <paramref name="seconds"/> after the start (the end position once over).</summary>
    public double PositionAt(double seconds)
    {
        if (seconds >= Duration)
        {
            return End;
        }

        if (seconds <= 0)
        {
            return Start;
        }

        var segment = SegmentAt(seconds);
        return segment.PositionAt(seconds - segment.StartTime);
    }

    /// <summary>Signed velocity <paramref name="seconds"/> after the start (zero outside the motion).</summary>
    public double VelocityAt(double seconds)
    {
        if (seconds >= Duration || seconds < 0)
        {
            return 0;
        }

        var segment = SegmentAt(seconds);
        return segment.VelocityAt(seconds - segment.StartTime);
    }

    private MotionSegment SegmentAt(double seconds)
    {
        foreach (var segment in _segments)
        {
            if (seconds < segment.StartTime + segment.Duration)
            {
                return segment;
            }
        }

        return _segments[^1];
    }
}
