using Microsoft.Extensions.Logging;

namespace Hyperion.Engine.Running;

/// <summary>The RunEngine's log messages (source-generated, so a disabled level costs nothing).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "RunEngine state {Old} -> {New}")]
    public static partial void StateChanged(ILogger logger, RunEngineState old, RunEngineState @new);

    [LoggerMessage(Level = LogLevel.Trace, Message = "{Msg}")]
    public static partial void Message(ILogger logger, Messages.Msg msg);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deferred pause acknowledged. Continuing to checkpoint.")]
    public static partial void DeferredPause(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pausing...")]
    public static partial void Pausing(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Suspending: {Justification}")]
    public static partial void Suspending(ILogger logger, string justification);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A suspender has tripped; the plan will begin when it is ready: {Justification}")]
    public static partial void SuspenderTrippedAtStart(ILogger logger, string? justification);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb}: running cleanup and marking exit_status as '{ExitStatus}'")]
    public static partial void Interrupting(ILogger logger, string verb, string exitStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not abort on cancellation")]
    public static partial void AbortOnCancellationFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run aborted")]
    public static partial void RunAborted(ILogger logger, Exception reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run failed")]
    public static partial void RunFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "A device does not allow replay; the plan will not rewind past this point")]
    public static partial void NoReplay(ILogger logger, Exception reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void PlanYieldedOnClose(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {Plan} raised while being closed")]
    public static partial void PlanFailedOnClose(ILogger logger, Exception error, string plan);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to unstage {Device}")]
    public static partial void UnstageFailed(ILogger logger, Exception error, string device);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to close run {RunKey}")]
    public static partial void CloseRunFailed(ILogger logger, Exception error, string runKey);

    [LoggerMessage(Level = LogLevel.Critical, Message = "RunEngine cleanup failed; the RunEngine is panicked")]
    public static partial void Panicked(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to stop {Device}")]
    public static partial void StopFailed(ILogger logger, Exception error, string device);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to stop monitoring {Device}")]
    public static partial void ClearMonitorFailed(ILogger logger, Exception error, string device);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to collect {Device} during cleanup")]
    public static partial void BackstopCollectFailed(ILogger logger, Exception error, string device);

    [LoggerMessage(Level = LogLevel.Error, Message = "Callback {Callback} failed on a {Document} document; continuing as configured")]
    public static partial void CallbackFailed(ILogger logger, Exception error, string callback, string document);
}
