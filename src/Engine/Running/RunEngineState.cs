namespace Hyperion.Engine.Running;

/// <summary>The RunEngine's states, as bluesky names them.</summary>
public enum RunEngineState
{
    /// <summary>No plan is running.</summary>
    Idle,
    /// <summary>A plan is running.</summary>
    Running,
    /// <summary>A pause was requested and is being carried out.</summary>
    Pausing,
    /// <summary>Paused at a checkpoint; resume, stop, abort or halt.</summary>
    Paused,
    /// <summary>Halting: closing the plan without its cleanup.</summary>
    Halting,
    /// <summary>Stopping: running the plan's cleanup, exit status success.</summary>
    Stopping,
    /// <summary>Aborting: running the plan's cleanup, exit status abort.</summary>
    Aborting,
    /// <summary>A suspender tripped; the plan will rewind and wait.</summary>
    Suspending,
    /// <summary>Unrecoverable; the RunEngine must be recreated.</summary>
    Panicked,
}
