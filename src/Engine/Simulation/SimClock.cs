namespace Hyperion.Engine.Simulation;

/// <summary>Unix time in seconds from a <see cref="TimeProvider"/>, for simulated readings.</summary>
internal static class SimClock
{
    public static double Now(TimeProvider time) => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds;
}
