namespace Hyperion.Devices.Mx.Robot;

/// <summary>
/// A robot load that failed (dodal's RobotLoadFailed): the robot's error code (0 when the robot reported none and
/// the load simply timed out) and its message, which is also this exception's message.
/// </summary>
public sealed class RobotLoadFailedException : Exception
{
    /// <summary>Creates the error from the robot's <paramref name="errorCode"/> and <paramref name="errorString"/>.</summary>
    public RobotLoadFailedException(int errorCode, string errorString, Exception? innerException = null)
        : base(errorString, innerException)
    {
        ErrorCode = errorCode;
        ErrorString = errorString;
    }

    /// <summary>The robot's error code (PRG_ERR_CODE or CNTL_ERR_CODE), or 0.</summary>
    public int ErrorCode { get; }

    /// <summary>The robot's error message.</summary>
    public string ErrorString { get; }
}
