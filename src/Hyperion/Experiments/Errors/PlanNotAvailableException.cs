namespace Hyperion.Cli.Experiments.Errors;

/// <summary>A plan Hyperion names but this build cannot run yet; the message says what is missing.</summary>
public sealed class PlanNotAvailableException : Exception
{
    /// <summary>Plan <paramref name="planName"/> cannot run because of <paramref name="reason"/>.</summary>
    public PlanNotAvailableException(string planName, string reason)
        : base($"Plan {planName} is not available yet: {reason}")
    {
        PlanName = planName;
    }

    /// <summary>The plan asked for.</summary>
    public string PlanName { get; } = string.Empty;

    /// <summary>Plan unavailable, as <paramref name="message"/> says.</summary>
    public PlanNotAvailableException(string message)
        : base(message)
    {
    }

    /// <summary>Plan unavailable, as <paramref name="message"/> says, because of <paramref name="innerException"/>.</summary>
    public PlanNotAvailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
