namespace Hyperion.Engine.Running;

/// <summary>What happened when a plan was run (bluesky's RunEngineResult).</summary>
/// <param name="RunStartUids">The uids of the runs the plan opened.</param>
/// <param name="PlanResult">The plan's return value (null if it did not return).</param>
/// <param name="ExitStatus">"success", "abort" or "fail".</param>
/// <param name="Interrupted">True if the plan was paused, stopped, aborted or halted.</param>
/// <param name="Reason">Why it was aborted or failed.</param>
/// <param name="Exception">The exception that ended the plan, if any.</param>
public sealed record RunEngineResult(
    IReadOnlyList<string> RunStartUids,
    object? PlanResult,
    string ExitStatus,
    bool Interrupted,
    string Reason,
    Exception? Exception);
