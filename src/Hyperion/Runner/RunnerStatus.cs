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

    /// <summary>The last plan ended with a warning (a sample problem): unattended collection may carry on.</summary>
    Warn,
}
