namespace Hyperion.Cli.Experiments;

/// <summary>
/// The event-descriptor (stream) names Hyperion's plans read hardware into (mx-bluesky's DocDescriptorNames): the
/// callbacks key off them, so they are kept exactly.
/// </summary>
public static class DescriptorNames
{
    /// <summary>The robot's state read before a load.</summary>
    public const string RobotPreLoad = "robot_update_pre_load";

    /// <summary>The robot's state read after a load.</summary>
    public const string RobotUpdate = "robot_update";

    /// <summary>An OAV snapshot taken for a rotation.</summary>
    public const string OavRotationSnapshotTriggered = "rotation_snapshot_triggered";

    /// <summary>The OAV grid snapshots, with their grid geometry, for ISPyB.</summary>
    public const string OavGridSnapshotTriggered = "snapshot_to_ispyb";

    /// <summary>The beamline read before a collection.</summary>
    public const string HardwareReadPre = "read_hardware_for_callbacks_pre_collection";

    /// <summary>The beamline read during a collection.</summary>
    public const string HardwareReadDuring = "read_hardware_for_callbacks_during_collection";

    /// <summary>The exception that ended sample handling.</summary>
    public const string SampleHandlingException = "sample_handling_exception";

    /// <summary>The read that triggers zocalo (the Odin file writer's id).</summary>
    public const string ZocaloHwRead = "zocalo_read_hardware_plan";

    /// <summary>The X-ray centring results.</summary>
    public const string FlyscanResults = "flyscan_results_obtained";
}
