using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Suspenders;

/// <summary>
/// Base of suspenders that compare a scalar with a suspend threshold and a (possibly different) resume
/// threshold, giving hysteresis (bluesky's <c>_Threshold</c>). A reading that is not a number, or is NaN,
/// suspends and never resumes: a beamline must not scan on a reading it cannot judge.
/// </summary>
public abstract class ThresholdSuspender : SuspenderBase
{
    /// <summary>Creates the suspender; <paramref name="resumeThreshold"/> defaults to <paramref name="suspendThreshold"/>.</summary>
    protected ThresholdSuspender(
        ISubscribable signal,
        double suspendThreshold,
        double? resumeThreshold,
        TimeSpan sleep,
        Func<Plan>? prePlan,
        Func<Plan>? postPlan,
        string? trippedMessage,
        string? field)
        : base(signal, sleep, prePlan, postPlan, trippedMessage, field)
    {
        if (double.IsNaN(suspendThreshold) || (resumeThreshold is { } r && double.IsNaN(r)))
        {
            throw new ArgumentException($"{GetType().Name} on {signal.Name}: thresholds must be numbers, not NaN.");
        }

        SuspendThreshold = suspendThreshold;
        ResumeThreshold = resumeThreshold ?? suspendThreshold;
    }

    /// <summary>The value past which the plan suspends.</summary>
    public double SuspendThreshold { get; }

    /// <summary>The value the signal must cross back over before the plan resumes.</summary>
    public double ResumeThreshold { get; }
}
