using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>The beam devices' log lines, worded as dodal's.</summary>
internal static partial class BeamLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Setting undulator gap to {Gap:F3}mm based on {Energy:F2}kev")]
    public static partial void SettingGap(ILogger logger, double gap, double energy);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Gap is already in the correct place, no need to ask it to move")]
    public static partial void GapAlreadyInPlace(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Undulator gap mismatch. Moving gap to nominal value, {Gap:F3}mm")]
    public static partial void MovingGap(ILogger logger, double gap);

    [LoggerMessage(Level = LogLevel.Warning, Message = "In test mode, not moving ID gap")]
    public static partial void NotMovingInTestMode(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commissioning mode enabled, ignoring feedback")]
    public static partial void IgnoringFeedback(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    public static partial void Reminder(ILogger logger, string message);
}
