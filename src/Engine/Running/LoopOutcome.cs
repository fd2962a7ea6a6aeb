namespace Hyperion.Engine.Running;

/// <summary>How one pass of the message loop ended.</summary>
internal enum LoopOutcome
{
    /// <summary>The plan ended and cleanup ran; the RunEngine is idle.</summary>
    Finished,

    /// <summary>The plan is paused; its state is kept for resume, stop, abort or halt.</summary>
    Paused,
}
