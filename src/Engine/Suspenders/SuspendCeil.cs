using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Suspenders;

/// <summary>
/// Suspends when a scalar rises above <see cref="ThresholdSuspender.SuspendThreshold"/>; resumes once it is at or
/// below <see cref="ThresholdSuspender.ResumeThreshold"/> (bluesky's <c>SuspendCeil</c>), e.g. on a temperature.
/// </summary>
public sealed class SuspendCeil : ThresholdSuspender
{
    /// <summary>Creates the suspender; the resume threshold must not be above the suspend threshold.</summary>
    public SuspendCeil(
        ISubscribable signal,
        double suspendThreshold,
        double? resumeThreshold = null,
        TimeSpan sleep = default,
        Func<Plan>? prePlan = null,
        Func<Plan>? postPlan = null,
        string? trippedMessage = null,
        string? field = null)
        : base(signal, suspendThreshold, resumeThreshold, sleep, prePlan, postPlan, trippedMessage, field)
    {
        if (ResumeThreshold > SuspendThreshold)
        {
            throw new ArgumentException(
                $"SuspendCeil on {signal.Name}: the resume threshold must be equal to or less than the suspend threshold; got suspend {SuspenderValues.Format(SuspendThreshold)}, resume {SuspenderValues.Format(ResumeThreshold)}.",
                nameof(resumeThreshold));
        }
    }

    /// <inheritdoc />
    protected override bool ShouldSuspend(object? value)
    {
        var x = SuspenderValues.ToDouble(value);
        return double.IsNaN(x) || x > SuspendThreshold;
    }

    /// <inheritdoc />
    protected override bool ShouldResume(object? value) => SuspenderValues.ToDouble(value) <= ResumeThreshold;

    /// <inheritdoc />
    protected override string DescribeTrip(object? value) =>
        $"Signal {Signal.Name} = {Msg.Describe(value)} went above {SuspenderValues.Format(SuspendThreshold)} and has not yet crossed below {SuspenderValues.Format(ResumeThreshold)}.";
}
