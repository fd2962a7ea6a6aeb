using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>The Eiger's log lines, worded as dodal logs them.</summary>
internal static partial class EigerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Clearing odin errors from node {Node}")]
    public static partial void ClearingOdinErrors(ILogger logger, int node);

    [LoggerMessage(Level = LogLevel.Error, Message = "Frames dropped: {Details}")]
    public static partial void FramesDropped(ILogger logger, string details);

    [LoggerMessage(Level = LogLevel.Error, Message = "Frames timed out: {Details}")]
    public static partial void FramesTimedOut(ILogger logger, string details);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for arming to finish")]
    public static partial void WaitingForArming(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Eiger not armed, arming")]
    public static partial void NotArmedArming(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting on all frames")]
    public static partial void WaitingOnAllFrames(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping Odin")]
    public static partial void StoppingOdin(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting on filewriter to finish")]
    public static partial void WaitingOnFilewriter(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Disarming detector")]
    public static partial void Disarming(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Eiger stop() called - cleaning up...")]
    public static partial void StopCalled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Eiger still disarming, waiting on disarm")]
    public static partial void StillDisarming(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turning off Eiger dev/shm streaming")]
    public static partial void TurningOffDevShm(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Eiger has successfully been stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Verb} dev shm")]
    public static partial void ChangingDevShm(ILogger logger, string verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Eiger staging: awaiting odin metadata")]
    public static partial void AwaitingMetadata(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Eiger staging: awaiting odin fan ready")]
    public static partial void AwaitingFanReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Eiger staging: Finishing arming")]
    public static partial void FinishingArming(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status {Status} has failed with error {Error}")]
    public static partial void StepFailed(ILogger logger, string status, string error);
}
