namespace Hyperion.SimBeamline.Behaviours;

/// <summary>What the smargon's IOC logic is asked to do.</summary>
public enum SmargonCommand
{
    /// <summary>CENTER_CS was processed: the current position becomes the centre of x, y and z.</summary>
    CenterAtCurrentPosition,

    /// <summary>SET_STUBS_TO_RL was processed: x, y and z read the goniometer's own coordinates again.</summary>
    ResetToRobotLoad,

    /// <summary>An axis moved: the real motors follow.</summary>
    FollowAxes,

    /// <summary>The robot took the goniometer.</summary>
    Disable,

    /// <summary>The robot let the goniometer go.</summary>
    Enable,
}
