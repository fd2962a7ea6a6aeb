using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Suspenders;

/// <summary>Suspends while a boolean signal is low (falsy); resumes when it goes high (bluesky's <c>SuspendBoolLow</c>).</summary>
public sealed class SuspendBoolLow : SuspenderBase
{
    /// <summary>Creates the suspender; see <see cref="SuspenderBase"/> for the common parameters.</summary>
    public SuspendBoolLow(
        ISubscribable signal,
        TimeSpan sleep = default,
        Func<Plan>? prePlan = null,
        Func<Plan>? postPlan = null,
        string? trippedMessage = null,
        string? field = null)
        : base(signal, sleep, prePlan, postPlan, trippedMessage, field)
    {
    }

    /// <inheritdoc />
    protected override bool ShouldSuspend(object? value) => !SuspenderValues.IsTruthy(value);

    /// <inheritdoc />
    protected override bool ShouldResume(object? value) => SuspenderValues.IsTruthy(value);

    /// <inheritdoc />
    protected override string DescribeTrip(object? value) => $"Signal {Signal.Name} is low";
}
