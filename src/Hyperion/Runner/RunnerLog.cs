using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Runner;

/// <summary>The runner's log lines.</summary>
internal static partial class RunnerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Starting plan {Plan}")]
    public static partial void Starting(ILogger logger, string plan);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {Plan} finished in {Seconds:0.0} s")]
    public static partial void Finished(ILogger logger, string plan, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to start {Plan}: {Reason}")]
    public static partial void Rejected(ILogger logger, string plan, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {Plan} ended with a warning")]
    public static partial void PlanWarned(ILogger logger, string plan, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plan {Plan} failed")]
    public static partial void PlanFailed(ILogger logger, string plan, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The callbacks failed to record plan {Plan}")]
    public static partial void CallbacksFailed(ILogger logger, string plan, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stop requested: aborting the plan")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stop came after the plan ended: {Reason}")]
    public static partial void StopTooLate(ILogger logger, string reason);
}
