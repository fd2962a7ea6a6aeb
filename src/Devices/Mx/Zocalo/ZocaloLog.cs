using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>The zocalo devices' log lines, worded as dodal's.</summary>
internal static partial class ZocaloLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribing to results queue")]
    public static partial void Subscribing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Clearing queue")]
    public static partial void ClearingQueue(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Disconnecting from Zocalo")]
    public static partial void Disconnecting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zocalo trigger called")]
    public static partial void TriggerCalled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void NotSubscribed(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "waiting for results in queue - currently {Count} items")]
    public static partial void WaitingForResults(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Received {Message}")]
    public static partial void Received(ILogger logger, ZocaloResultsMessage message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configured to use GPU results but CPU came first, using CPU results.")]
    public static partial void CpuCameFirst(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Received zocalo results from CPU before GPU")]
    public static partial void CpuBeforeGpu(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Differences}")]
    public static partial void Differences(ILogger logger, string differences);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zocalo results from GPU timed out. Using results from {Source}")]
    public static partial void GpuTimedOut(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zocalo results from CPU timed out and GPU results not yet reliable")]
    public static partial void CpuTimedOut(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zocalo results from {Source} processing: found {Count} crystals.")]
    public static partial void Found(ILogger logger, string source, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timed out waiting for zocalo results!")]
    public static partial void TimedOut(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrieving raw zocalo processing results")]
    public static partial void Retrieving(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting Zocalo job {StartInfo}")]
    public static partial void StartingJob(ILogger logger, ZocaloStartInfo startInfo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ending Zocalo job with ispyb id {DataCollectionId}")]
    public static partial void EndingJob(ILogger logger, int dataCollectionId);
}
