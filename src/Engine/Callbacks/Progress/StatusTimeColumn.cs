using Spectre.Console;
using Spectre.Console.Rendering;

namespace Hyperion.Engine.Callbacks.Progress;

/// <summary>
/// Shows "elapsed&lt;remaining" from the status's own estimate when it gives one (a motor knows its velocity
/// better than a rate guessed from the bar), else the time since the wait began.
/// </summary>
internal sealed class StatusTimeColumn : ProgressColumn
{
    /// <inheritdoc />
    protected override bool NoWrap => true;

    /// <inheritdoc />
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        var times = (task.Tag as StatusBar)?.Snapshot().Times;
        if (times is null && task.ElapsedTime is { } elapsed)
        {
            times = $"{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}";
        }

        return new Text(times ?? string.Empty, new Style(Color.Blue));
    }
}
