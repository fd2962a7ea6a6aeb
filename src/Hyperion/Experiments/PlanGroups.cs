namespace Hyperion.Cli.Experiments;

/// <summary>
/// The wait-group names Hyperion's plans synchronise on (mx-bluesky's PlanGroupCheckpointConstants).
/// </summary>
public static class PlanGroups
{
    /// <summary>Everything a grid scan needs before it collects.</summary>
    public const string GridReadyForDc = "grid_ready_for_data_collection";

    /// <summary>Everything a rotation needs before it collects.</summary>
    public const string RotationReadyForDc = "rotation_ready_for_data_collection";

    /// <summary>The goniometer's move to its start.</summary>
    public const string MoveGonioToStart = "move_gonio_to_start";

    /// <summary>Everything the OAV needs before it images.</summary>
    public const string ReadyForOav = "ready_for_oav";

    /// <summary>The aperture's move.</summary>
    public const string PrepareAperture = "prepare_aperture";

    /// <summary>The zebra's set-up for a rotation.</summary>
    public const string SetupZebraForRotation = "setup_zebra_for_rotation";

    /// <summary>The zebra's set-up for a grid scan.</summary>
    public const string SetupZebraForGridscan = "setup_zebra_for_gridscan";

    /// <summary>The zebra's tidy-up after a grid scan.</summary>
    public const string TidyZebraAfterGridscan = "tidy_zebra_after_gridscan";
}
