namespace Hyperion.Devices.Mx.Goniometer;

/// <summary>What to do with the smargon's stub offsets (dodal's StubPosition).</summary>
public enum StubPosition
{
    /// <summary>Make the current position the centre of the coordinate system.</summary>
    CurrentAsCenter = 0,

    /// <summary>Reset the stubs to the robot-load position.</summary>
    ResetToRobotLoad = 1,
}
