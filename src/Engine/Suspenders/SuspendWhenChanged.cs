using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.Suspenders;

/// <summary>
/// Suspends when the signal deviates from an expected value (bluesky's <c>SuspendWhenChanged</c>), e.g. the
/// "instrument in use" enum of a shared beamline. By default it never resumes: the session was set up for the
/// expected value, so the operator must abort and restart; with <see cref="AllowResume"/> it resumes when the
/// value is the expected one again.
/// </summary>
public sealed class SuspendWhenChanged : SuspenderBase
{
    /// <summary>
    /// Creates the suspender. Without <paramref name="expectedValue"/> the signal's value now is expected (the
    /// signal reports it on subscription, as <see cref="ISubscribable"/> promises).
    /// </summary>
    public SuspendWhenChanged(
        ISubscribable signal,
        object? expectedValue = null,
        bool allowResume = false,
        TimeSpan sleep = default,
        Func<Plan>? prePlan = null,
        Func<Plan>? postPlan = null,
        string? trippedMessage = null,
        string? field = null)
        : base(signal, sleep, prePlan, postPlan, trippedMessage, field)
    {
        ExpectedValue = expectedValue ?? CurrentValue(signal, field);
        AllowResume = allowResume;
    }

    /// <summary>The value the plan may run with.</summary>
    public object? ExpectedValue { get; }

    /// <summary>Whether a suspended plan resumes when the value is the expected one again.</summary>
    public bool AllowResume { get; }

    /// <inheritdoc />
    protected override bool ShouldSuspend(object? value) => !SuspenderValues.SameValue(value, ExpectedValue);

    /// <inheritdoc />
    protected override bool ShouldResume(object? value) => AllowResume && SuspenderValues.SameValue(value, ExpectedValue);

    /// <inheritdoc />
    protected override string DescribeTrip(object? value)
    {
        var text = $"Signal {Signal.Name}, got {Msg.Describe(value)}, expected {Msg.Describe(ExpectedValue)}";
        return AllowResume ? text : text + ". Abort the plan and restart the session to use the new configuration.";
    }

    private static object? CurrentValue(ISubscribable signal, string? field)
    {
        ArgumentNullException.ThrowIfNull(signal);
        object? value = null;
        var seen = false;
        void Capture(IReadOnlyDictionary<string, Reading> readings)
        {
            if (seen)
            {
                return;
            }

            seen = true;
            var key = field ?? signal.Name;
            value = readings.TryGetValue(key, out var reading) ? reading.Value
                : field is null && readings.Count == 1 ? readings.Values.First().Value
                : throw new ArgumentException($"SuspendWhenChanged cannot find field '{key}' in the readings of {signal.Name} ({string.Join(", ", readings.Keys)}); pass field: or expectedValue:.", nameof(field));
        }

        Action<IReadOnlyDictionary<string, Reading>> capture = Capture;
        try
        {
            signal.Subscribe(capture);
        }
        finally
        {
            signal.ClearSubscription(capture);
        }

        return seen
            ? value
            : throw new ArgumentException($"{signal.Name} did not report a value on subscription; pass expectedValue: to SuspendWhenChanged.", nameof(signal));
    }
}
