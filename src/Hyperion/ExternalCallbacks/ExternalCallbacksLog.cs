using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.ExternalCallbacks;

/// <summary>The callbacks process's log messages.</summary>
internal static partial class ExternalCallbacksLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Hyperion callbacks ready, consuming {Exchange} on {Broker} (queue {Queue}; ISPyB {Ispyb}; Zocalo on {Zocalo}); Ctrl+C to stop")]
    public static partial void Ready(ILogger logger, string exchange, string broker, string queue, string ispyb, string zocalo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hyperion callbacks stopping: {Handled} document(s) handled, {Rejected} rejected, {Failures} callback failure(s)")]
    public static partial void Stopping(ILogger logger, long handled, long rejected, long failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} callback failure(s) on a '{Document}' document; carrying on with the next: {Message}")]
    public static partial void CallbacksFailed(ILogger logger, int count, string document, string message);
}
