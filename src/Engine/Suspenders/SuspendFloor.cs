using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Suspenders;

/// <summary>
/// Suspends when a scalar falls below <see cref="ThresholdSuspender.SuspendThreshold"/>; resumes once it is at or
/// above <see cref="ThresholdSuspender.ResumeThreshold"/> (bluesky's <c>SuspendFloor</c>), e.g. on ring current.
/// </summary>
public sealed class SuspendFloor : ThresholdSuspender
{
    /// <summary>Creates the suspender; the resume threshold must not be below the suspend threshold.</summary>
    public SuspendFloor(
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
        if (ResumeThreshold < SuspendThreshold)
        {
            throw new ArgumentException(
                $"SuspendFloor on {signal.Name}: the resume threshold must be equal to or greater than the suspend threshold; got suspend {SuspenderValues.Format(SuspendThreshold)}, resume {SuspenderValues.Format(ResumeThreshold)}.",
                nameof(resumeThreshold));
        }
    }

    /// <inheritdoc />
    protected override bool ShouldSuspend(object? value)
    {
        var x = SuspenderValues.ToDouble(value);
        return double.IsNaN(x) || x < SuspendThreshold;
    }

    /// <inheritdoc />
    protected override bool ShouldResume(object? value) => SuspenderValues.ToDouble(value) >= ResumeThreshold;

    /// <inheritdoc />
    protected override string DescribeTrip(object? value) =>
        $"Signal {Signal.Name} = {Msg.Describe(value)} fell below {SuspenderValues.Format(SuspendThreshold)} and has not yet crossed above {SuspenderValues.Format(ResumeThreshold)}.";
}
