using Microsoft.Extensions.Logging;

namespace Hyperion.FakeZocalo.Logging;

/// <summary>The service's log messages, compiled once (CA1848).</summary>
internal static partial class ZocaloLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "The handler for queue {Queue} failed ({Outcome}); body: {Body}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string queue, string outcome, string body);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not settle delivery {Tag} on queue {Queue}: {Reason}; the broker will redeliver it")]
    public static partial void SettleLost(ILogger logger, string queue, ulong tag, string reason);
}
