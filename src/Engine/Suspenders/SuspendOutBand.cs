using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Suspenders;

/// <summary>
/// Suspends when a scalar enters the band; resumes when it is outside again (bluesky's deprecated
/// <c>SuspendOutBand</c>, the opposite of <see cref="SuspendWhenOutsideBand"/>). A reading that is not a number
/// suspends and never resumes.
/// </summary>
public sealed class SuspendOutBand : BandSuspender
{
    /// <summary>Creates the suspender; see <see cref="SuspenderBase"/> for the common parameters.</summary>
    public SuspendOutBand(
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
    protected override bool ShouldSuspend(object? value) => IsInside(value) || double.IsNaN(SuspenderValues.ToDouble(value));

    /// <inheritdoc />
    protected override bool ShouldResume(object? value) => !IsInside(value) && !double.IsNaN(SuspenderValues.ToDouble(value));

    /// <inheritdoc />
    protected override string DescribeTrip(object? value) =>
        $"Signal {Signal.Name} = {Msg.Describe(value)} is inside of the range {Band}";
}
