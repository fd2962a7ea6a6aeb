namespace Hyperion.ChannelAccess.SoftIoc.Motion;

/// <summary>A stretch of constant acceleration within a motion profile.</summary>
/// <param name="StartTime">Seconds from the start of the profile.</param>
/// <param name="Duration">Seconds the segment lasts.</param>
/// <param name="StartPosition">Position at the segment's start.</param>
/// <param name="StartVelocity">Signed velocity at the segment's start (units/s).</param>
/// <param name="Acceleration">Signed acceleration during the segment (units/s²).</param>
public readonly record struct MotionSegment(double StartTime, double Duration, double StartPosition, double StartVelocity, double Acceleration)
{
    /// <summary>Position <paramref name="seconds"/> into the segment.</summary>
    public double PositionAt(double seconds) => StartPosition + (StartVelocity * seconds) + (0.5 * Acceleration * seconds * seconds);

    /// <summary>Velocity <paramref name="seconds"/> into the segment.</summary>
    public double VelocityAt(double seconds) => StartVelocity + (Acceleration * seconds);

    /// <summary>Position at the segment's end.</summary>
    public double EndPosition => PositionAt(Duration);
}
