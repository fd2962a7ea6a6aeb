namespace Hyperion.Engine.Errors;

/// <summary>A pause or suspension was requested after the checkpoint was cleared, so the plan is aborted instead.</summary>
public sealed class FailedPause : RunEngineException
{
    /// <summary>Creates the error.</summary>
    public FailedPause()
        : base("The plan cannot be paused here (its checkpoint was cleared); aborting instead.")
    {
    }
}
