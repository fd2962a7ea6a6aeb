using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Suspenders;

/// <summary>Suspends when a scalar leaves the band; resumes when it is back inside (bluesky's <c>SuspendWhenOutsideBand</c>).</summary>
public class SuspendWhenOutsideBand : BandSuspender
{
    /// <summary>Creates the suspender; see <see cref="SuspenderBase"/> for the common parameters.</summary>
    public SuspendWhenOutsideBand(
        ISubscribable signal,
        double bandBottom,
        double bandTop,
        TimeSpan sleep = default,
        Func<Plan>? prePlan = null,
        Func<Plan>? postPlan = null,
        string? trippedMessage = null,
        string? field = null)
        : base(signal, bandBottom, bandTop, sleep, prePlan, postPlan, trippedMessage, field)
    {
    }

    /// <inheritdoc />
    protected override bool ShouldSuspend(object? value) => !IsInside(value);

    /// <inheritdoc />
    protected override bool ShouldResume(object? value) => IsInside(value);

    /// <inheritdoc />
    protected override string DescribeTrip(object? value) =>
        $"Signal {Signal.Name} = {Msg.Describe(value)} is outside of the range {Band}";
}
