using System.Diagnostics;
using Hyperion.Engine.Messages;

namespace Hyperion.Engine.Tracing;

/// <summary>
/// The RunEngine's <see cref="ActivitySource"/>: a span per run and around set, wait, complete and collect
/// (bluesky's tracing spans). OpenTelemetry picks them up with <c>AddSource(EngineTracing.SourceName)</c>.
/// </summary>
public static class EngineTracing
{
    /// <summary>The name of the activity source.</summary>
    public const string SourceName = "Hyperion.Engine";

    /// <summary>The activity source.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(EngineTracing).Assembly.GetName().Version?.ToString());

    /// <summary>Starts a span named "Run Engine {what}" tagged with the message, if anyone listens.</summary>
    public static Activity? StartMessageSpan(string what, Msg msg)
    {
        ArgumentNullException.ThrowIfNull(msg);
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity($"Run Engine {what}");
        if (activity is not null)
        {
            activity.SetTag("msg.command", msg.Command);
            activity.SetTag("msg.args", string.Join(", ", msg.Args.Select(Msg.Describe)));
            activity.SetTag("msg.kwargs", string.Join(", ", msg.Kwargs.Select(p => $"{p.Key}={Msg.Describe(p.Value)}")));
            if (msg.Obj is not null)
            {
                activity.SetTag("msg.obj", Msg.Describe(msg.Obj));
            }
            else
            {
                activity.SetTag("msg.no_obj_given", true);
            }
        }

        return activity;
    }
}
