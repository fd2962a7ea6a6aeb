namespace Hyperion.Engine.Errors;

/// <summary>Thrown into the plan by <c>RunEngine.AbortAsync</c>: clean up, then end with exit status "abort".</summary>
public sealed class RequestAbort : RunEngineControlException
{
    /// <summary>Creates the request, with the operator's reason.</summary>
    public RequestAbort(string reason = "")
        : base(string.IsNullOrEmpty(reason) ? "Abort requested." : $"Abort requested: {reason}") => Reason = reason;

    /// <summary>Why the run was aborted.</summary>
    public string Reason { get; }
}
