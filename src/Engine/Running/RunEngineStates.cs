namespace Hyperion.Engine.Running;

/// <summary>Names and transition rules of <see cref="RunEngineState"/>.</summary>
public static class RunEngineStates
{
    private static readonly Dictionary<RunEngineState, RunEngineState[]> Allowed = new()
    {
        [RunEngineState.Idle] = [RunEngineState.Running, RunEngineState.Panicked],
        [RunEngineState.Running] =
        [
            RunEngineState.Idle, RunEngineState.Pausing, RunEngineState.Halting, RunEngineState.Stopping,
            RunEngineState.Aborting, RunEngineState.Suspending, RunEngineState.Panicked,
        ],
        [RunEngineState.Pausing] =
        [
            RunEngineState.Paused, RunEngineState.Idle, RunEngineState.Halting, RunEngineState.Aborting,
            RunEngineState.Panicked,
        ],
        [RunEngineState.Suspending] =
        [
            RunEngineState.Running, RunEngineState.Halting, RunEngineState.Aborting, RunEngineState.Panicked,
        ],
        [RunEngineState.Paused] =
        [
            RunEngineState.Idle, RunEngineState.Running, RunEngineState.Halting, RunEngineState.Stopping,
            RunEngineState.Aborting, RunEngineState.Panicked,
        ],
        [RunEngineState.Halting] = [RunEngineState.Idle, RunEngineState.Panicked],
        [RunEngineState.Stopping] = [RunEngineState.Idle, RunEngineState.Panicked],
        [RunEngineState.Aborting] = [RunEngineState.Idle, RunEngineState.Panicked],
        [RunEngineState.Panicked] = [],
    };

    /// <summary>bluesky's transition table: the states each state may move to.</summary>
    public static IReadOnlyList<RunEngineState> AllowedFrom(RunEngineState from) => Allowed[from];

    /// <summary>True when bluesky's table allows moving from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanTransition(RunEngineState from, RunEngineState to) => Array.IndexOf(Allowed[from], to) >= 0;

    /// <summary>The lower-case name bluesky uses, e.g. "paused".</summary>
    public static string ToWireName(this RunEngineState state) => state.ToString().ToLowerInvariant();

    /// <summary>True in the states where a pause may be requested (those that can move to pausing).</summary>
    public static bool CanPause(this RunEngineState state) => CanTransition(state, RunEngineState.Pausing);
}
