using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Callbacks.Broker;

/// <summary>The document bus's log messages.</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish document #{Sequence} ('{Document}' of run {RunUid}) to exchange {Exchange} on {Broker}")]
    public static partial void PublishFailed(ILogger logger, Exception error, long sequence, string document, string runUid, string exchange, string broker);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected message #{Sequence} on {Queue} (dead-lettered): {Reason}. Body: {Body}")]
    public static partial void Malformed(ILogger logger, string sequence, string queue, string reason, string body);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling document #{Sequence} ('{Document}') from {Publisher} failed (dead-lettered)")]
    public static partial void HandlingFailed(ILogger logger, Exception error, long sequence, string document, string publisher);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Documents #{First} to #{Last} from {Publisher} never arrived; carrying on from #{Next}")]
    public static partial void Gap(ILogger logger, long first, long last, string publisher, long next);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped document #{Sequence} ('{Document}') from {Publisher}: already handled (last was #{Last})")]
    public static partial void Duplicate(ILogger logger, long sequence, string document, string publisher, long last);

    [LoggerMessage(Level = LogLevel.Warning, Message = "External callbacks on the twin with its ISPyB in memory: give --ispyb FILE here and to `hyperion callbacks`, or the twin's Zocalo cannot read what the callbacks record")]
    public static partial void TwinIspybNotShared(ILogger logger);
}
