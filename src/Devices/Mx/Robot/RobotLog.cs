using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Mx.Robot;

/// <summary>The robot's log lines, worded as dodal's.</summary>
internal static partial class RobotLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Light curtain tripped, trying again")]
    public static partial void LightCurtainTripped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading pin {Location}")]
    public static partial void LoadingPin(ILogger logger, SampleLocation location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting on robot to finish {ProgramName}")]
    public static partial void WaitingOnProgram(ILogger logger, string programName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting on old pin unloaded")]
    public static partial void WaitingOnOldPin(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting on new pin loaded")]
    public static partial void WaitingOnNewPin(ILogger logger);
}
