namespace Hyperion.Engine.Messages;

/// <summary>The names of the commands the RunEngine registers by default (bluesky's built-in set).</summary>
public static class Commands
{
    /// <summary>Opens a run and emits RunStart; returns the run uid.</summary>
    public const string OpenRun = "open_run";
    /// <summary>Closes a run and emits RunStop; returns the run uid.</summary>
    public const string CloseRun = "close_run";
    /// <summary>Pre-declares an event stream and emits its descriptor.</summary>
    public const string DeclareStream = "declare_stream";
    /// <summary>Opens an event bundle.</summary>
    public const string Create = "create";
    /// <summary>Reads an object, adding the reading to the open bundle.</summary>
    public const string Read = "read";
    /// <summary>Emits the open bundle as an Event.</summary>
    public const string Save = "save";
    /// <summary>Discards the open bundle.</summary>
    public const string Drop = "drop";
    /// <summary>Returns the setpoint and readback of locatable objects.</summary>
    public const string Locate = "locate";
    /// <summary>Subscribes to an object and emits events as it updates.</summary>
    public const string Monitor = "monitor";
    /// <summary>Stops monitoring an object.</summary>
    public const string Unmonitor = "unmonitor";
    /// <summary>Sets a movable object; returns its status.</summary>
    public const string Set = "set";
    /// <summary>Triggers an object; returns its status.</summary>
    public const string Trigger = "trigger";
    /// <summary>Prepares a flyer or detector; returns its status.</summary>
    public const string Prepare = "prepare";
    /// <summary>Kicks off a flyer; returns its status.</summary>
    public const string Kickoff = "kickoff";
    /// <summary>Asks a flyer to complete; returns its status.</summary>
    public const string Complete = "complete";
    /// <summary>Collects data from a flyer and emits documents.</summary>
    public const string Collect = "collect";
    /// <summary>Waits for every status in a group.</summary>
    public const string Wait = "wait";
    /// <summary>Sleeps without blocking the RunEngine.</summary>
    public const string Sleep = "sleep";
    /// <summary>Marks a point the plan can be rewound to.</summary>
    public const string Checkpoint = "checkpoint";
    /// <summary>Forgets the last checkpoint: a pause now aborts.</summary>
    public const string ClearCheckpoint = "clear_checkpoint";
    /// <summary>Reads or sets whether messages may be replayed on resume.</summary>
    public const string Rewindable = "rewindable";
    /// <summary>Requests a pause.</summary>
    public const string Pause = "pause";
    /// <summary>Stops an object.</summary>
    public const string Stop = "stop";
    /// <summary>Configures an object; returns (old, new) configuration.</summary>
    public const string Configure = "configure";
    /// <summary>Stages an object.</summary>
    public const string Stage = "stage";
    /// <summary>Unstages an object.</summary>
    public const string Unstage = "unstage";
    /// <summary>Adds a document subscription for the rest of this plan; returns a token.</summary>
    public const string Subscribe = "subscribe";
    /// <summary>Removes a subscription added by <see cref="Subscribe"/>.</summary>
    public const string Unsubscribe = "unsubscribe";
    /// <summary>Waits for externally supplied tasks.</summary>
    public const string WaitFor = "wait_for";
    /// <summary>Reads a line of user input.</summary>
    public const string Input = "input";
    /// <summary>Installs a suspender.</summary>
    public const string InstallSuspender = "install_suspender";
    /// <summary>Removes a suspender.</summary>
    public const string RemoveSuspender = "remove_suspender";
    /// <summary>Does nothing; returns null.</summary>
    public const string Null = "null";
    /// <summary>Returns the RunEngine's type (debugging aid, as in bluesky).</summary>
    public const string RunEngineClass = "RE_class";
    /// <summary>Internal: starts a suspension.</summary>
    public const string StartSuspender = "_start_suspender";
    /// <summary>Internal: resumes after a suspension.</summary>
    public const string ResumeFromSuspender = "_resume_from_suspender";

    /// <summary>
    /// Commands never replayed on resume (bluesky's <c>_UNCACHEABLE_COMMANDS</c>): replaying them would
    /// duplicate side effects that survive a pause.
    /// </summary>
    public static readonly IReadOnlySet<string> Uncacheable = new HashSet<string>(StringComparer.Ordinal)
    {
        Pause, Subscribe, Unsubscribe, Stage, Unstage, Monitor, Unmonitor, OpenRun, CloseRun,
        InstallSuspender, RemoveSuspender, StartSuspender,
    };
}
