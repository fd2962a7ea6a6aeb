using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Callbacks.Progress;

/// <summary>A consistent copy of a <see cref="StatusBar"/>'s state, for one frame or one line.</summary>
/// <param name="Name">What is moving or counting.</param>
/// <param name="Last">The last progress update, if the status reported any.</param>
/// <param name="Done">True once the status finished.</param>
/// <param name="Success">True once it finished successfully.</param>
/// <param name="Failure">Why it failed, if it did.</param>
internal readonly record struct StatusBarSnapshot(string Name, WatcherUpdate? Last, bool Done, bool Success, string? Failure)
{
    /// <summary>Where it is: "2.500 / 5.000 mm (50%)", or its state for a status without progress.</summary>
    public string Progress
    {
        get
        {
            if (Done && !Success)
            {
                return "failed: " + Failure;
            }

            if (Last is not { } update)
            {
                return Done ? "done" : "in progress";
            }

            var unit = string.IsNullOrEmpty(update.Unit) ? string.Empty : " " + update.Unit;
            var percent = Done ? 100 : (int)Math.Floor(100 * (1 - update.FractionRemaining));
            return $"{StatusBar.Format(update.Current, update.Precision)} / {StatusBar.Format(update.Target, update.Precision)}{unit} ({percent}%)";
        }
    }

    /// <summary>"00:01&lt;00:02" from the update's own times, or null when it gave none.</summary>
    public string? Times
    {
        get
        {
            if (Last is not { } update || (update.TimeElapsed is null && update.TimeRemaining is null))
            {
                return null;
            }

            return $"{Clock(update.TimeElapsed)}<{(Done ? Clock(TimeSpan.Zero) : Clock(update.TimeRemaining))}";
        }
    }

    private static string Clock(TimeSpan? time) => time is { } t ? $"{(int)t.TotalMinutes:00}:{t.Seconds:00}" : "--:--";
}
