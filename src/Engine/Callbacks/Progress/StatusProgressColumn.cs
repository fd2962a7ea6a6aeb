using Spectre.Console;
using Spectre.Console.Rendering;

namespace Hyperion.Engine.Callbacks.Progress;

/// <summary>Shows where a status is ("2.500 / 5.000 mm (50%)") or its state ("in progress", "done", "failed: ...").</summary>
internal sealed class StatusProgressColumn : ProgressColumn
{
    /// <inheritdoc />
    protected override bool NoWrap => true;

    /// <inheritdoc />
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Tag is not StatusBar bar)
        {
            return Text.Empty;
        }

        var snapshot = bar.Snapshot();
        var style = snapshot.Done ? (snapshot.Success ? new Style(Color.Green) : new Style(Color.Red)) : Style.Plain;
        return new Text(snapshot.Progress, style);
    }
}
