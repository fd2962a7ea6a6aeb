using Hyperion.Engine.Running;

namespace Hyperion.Engine.Suspenders;

/// <summary>
/// Watches a condition and suspends the RunEngine while it is bad (bluesky's suspenders). The RunEngine
/// installs it, asks it at the start of each plan whether it is already tripped, and removes it.
/// </summary>
public interface ISuspender
{
    /// <summary>Starts watching on behalf of <paramref name="engine"/>.</summary>
    void Install(RunEngine engine);

    /// <summary>Stops watching.</summary>
    void Remove();

    /// <summary>If tripped now: a task that completes when it is safe to go on, and why; otherwise (null, null).</summary>
    (Task? Resume, string? Justification) GetTripState();
}
