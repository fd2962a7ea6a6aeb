namespace Hyperion.Engine.Errors;

/// <summary>Thrown by <c>Plans.RampPlan</c> when the ramp is still going after its timeout (bluesky's <c>RampFail</c>).</summary>
public sealed class RampFail : Exception
{
    /// <summary>Creates the error for a ramp that outlasted <paramref name="timeoutSeconds"/>.</summary>
    public RampFail(double timeoutSeconds)
        : base($"The ramp was still running after its timeout of {timeoutSeconds} s.") => TimeoutSeconds = timeoutSeconds;

    /// <summary>The timeout the ramp exceeded, in seconds.</summary>
    public double TimeoutSeconds { get; }
}
