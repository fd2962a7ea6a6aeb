using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli;

/// <summary>A callback that remembers the event with the largest value of one field, and where it was taken.</summary>
internal sealed class BrightestPoint(string field, string xField, string yField) : DocumentRouter
{
    /// <summary>The brightest point so far.</summary>
    public (double X, double Y, double Value)? Position { get; private set; }

    /// <inheritdoc />
    protected override void Event(Event doc)
    {
        if (doc.Data.TryGetValue(field, out var v) && v is double value && (Position is null || value > Position.Value.Value)
            && doc.Data.GetValueOrDefault(xField) is double x && doc.Data.GetValueOrDefault(yField) is double y)
        {
            Position = (x, y, value);
        }
    }
}
