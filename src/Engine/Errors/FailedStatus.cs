using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Errors;

/// <summary>A status the plan started (set, trigger, kickoff...) finished unsuccessfully.</summary>
public sealed class FailedStatus : RunEngineException
{
    /// <summary>Creates the error for <paramref name="status"/>, with the status's own exception as cause.</summary>
    public FailedStatus(Status status)
        : base($"{status} failed: {status.Exception?.Message ?? "no reason given"}", status?.Exception)
    {
        ArgumentNullException.ThrowIfNull(status);
        Status = status;
    }

    /// <summary>The failed status.</summary>
    public Status Status { get; }
}
