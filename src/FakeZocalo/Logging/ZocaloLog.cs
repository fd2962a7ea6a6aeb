using Microsoft.Extensions.Logging;

namespace Hyperion.FakeZocalo.Logging;

/// <summary>The service's log messages, compiled once (CA1848).</summary>
internal static partial class ZocaloLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "The handler for queue {Queue} failed ({Outcome}); body: {Body}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string queue, string outcome, string body);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not settle delivery {Tag} on queue {Queue}: {Reason}; the broker will redeliver it")]
    public static partial void SettleLost(ILogger logger, string queue, ulong tag, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Dead-lettering a bad trigger message: {Path}: {Reason}. Message: {Body}")]
    public static partial void BadTrigger(ILogger logger, string path, string reason, string body);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Trigger for dcid {Dcid} has no zocalo.go.user/zocalo.go.host headers")]
    public static partial void MissingSenderHeaders(ILogger logger, long dcid);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Dead-lettering a {Event} message for dcid {Dcid}: ISPyB has no such data collection. Message: {Body}")]
    public static partial void UnknownDcid(ILogger logger, long dcid, string @event, string body);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "dcid {Dcid} (dcgid {Dcgid}) started: {Filename} frames {StartFrameIndex}+{NumberOfFrames} queued for per-image analysis")]
    public static partial void CollectionStarted(ILogger logger, long dcid, long dcgid, string filename, int startFrameIndex, int numberOfFrames);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "dcid {Dcid} (dcgid {Dcgid}) ended")]
    public static partial void CollectionEnded(ILogger logger, long dcid, long dcgid);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "Ignoring a second start for dcid {Dcid} ({Filename})")]
    public static partial void DuplicateStart(ILogger logger, long dcid, string filename);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Start for dcid {Dcid} ({Filename}, message_index {MessageIndex}) waited too long for earlier messages; processing it now")]
    public static partial void OrderingTimedOut(ILogger logger, long dcid, string filename, int messageIndex);

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Dead-lettering a bad per-image job ({Reason}): {Body}")]
    public static partial void BadJob(ILogger logger, string reason, string body);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "dcid {Dcid} frame {FrameIndex} counts as no spots: {Reason}")]
    public static partial void FrameFailed(ILogger logger, long dcid, int frameIndex, string reason);

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, Message = "Dead-lettering a bad reducer input ({Reason}): {Body}")]
    public static partial void BadReducerInput(ILogger logger, string reason, string body);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "Abandoning dcgid {Dcgid}: no progress for {Seconds} s ({Missing}); no result is sent")]
    public static partial void GroupAbandoned(ILogger logger, long dcgid, double seconds, string missing);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "dcgid {Dcgid}: all frames of {Grids} grid(s) in, {Results} result(s); fault: {Fault}")]
    public static partial void GroupComplete(ILogger logger, long dcgid, int grids, int results, Faults.ZocaloFaultKind? fault);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Periodic work failed on the broker: {Reason}; retrying next tick")]
    public static partial void TickFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 33, Level = LogLevel.Error, Message = "dcgid {Dcgid} cannot be centred: {Reason}; no result is sent")]
    public static partial void GroupNotCentrable(ILogger logger, long dcgid, string reason);

    [LoggerMessage(EventId = 50, Level = LogLevel.Error, Message = "Dead-lettering a result on {Queue}: {Reason}. Message: {Body}")]
    public static partial void BadResult(ILogger logger, string queue, string reason, string body);

    [LoggerMessage(EventId = 51, Level = LogLevel.Information, Message = "Dropping the {Kind} result for dcid {Dcid}: this listener takes {Source} results")]
    public static partial void ResultFromOtherSource(ILogger logger, long dcid, string kind, Client.ResultSource source);
}
