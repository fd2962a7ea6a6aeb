namespace Hyperion.Cli.Runner;

/// <summary>The runner's states as Hyperion's REST API reports them (mx-bluesky's Status).</summary>
public enum RunnerStatus
{
    /// <summary>Nothing running; ready for a start.</summary>
    Idle,

    /// <summary>A plan is running.</summary>
    Busy,

    /// <summary>A request was accepted (start, stop, flush).</summary>
    Success,

    /// <summary>The last plan or request failed.</summary>
    Failed,

    /// <summary>A stop was requested and the plan is being aborted.</summary>
    Aborting,

    /// <summary>
    /// In mx-bluesky's Status for clients that test for it; its runner, like this one, no longer reports it: a plan
    /// ending in a warning (a sample problem) is Failed, with the warning's type, and only logged as a warning.
    /// </summary>
    Warn,
}
