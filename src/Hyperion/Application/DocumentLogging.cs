using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Application;

/// <summary>
/// Logs every document the RunEngine emits: at INFO with <c>--verbose-event-logging</c>, else at DEBUG, where only
/// the debug buffer keeps them (mx-bluesky's VerbosePlanExecutionLoggingCallback).
/// </summary>
public sealed partial class DocumentLogging(ILogger<DocumentLogging> logger, bool verbose)
{
    /// <summary>The callback to subscribe.</summary>
    public DocumentCallback Callback => Handle;

    private void Handle(DocumentName name, Document document)
    {
        var level = verbose ? LogLevel.Information : LogLevel.Debug;
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var text = DocumentText(document);
        Emitted(logger, level, name, text);
    }

    private static string DocumentText(Document document) => document switch
    {
        RunStart start => $"uid={start.Uid} {string.Join(", ", start.Metadata.Where(m => m.Key is not "mx_bluesky_parameters").Select(m => $"{m.Key}={m.Value}"))}",
        RunStop stop => $"run={stop.RunStartUid} exit_status={stop.ExitStatus} reason={stop.Reason}",
        EventDescriptor descriptor => $"name={descriptor.Name} keys={string.Join(",", descriptor.DataKeys.Keys)}",
        Event ev => $"seq_num={ev.SeqNum} {string.Join(", ", ev.Data.Select(d => $"{d.Key}={d.Value}"))}",
        _ => document.GetType().Name,
    };

    [LoggerMessage(Message = "{Name} document: {Text}")]
    private static partial void Emitted(ILogger logger, LogLevel level, DocumentName name, string text);
}
