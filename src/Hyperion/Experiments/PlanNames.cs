namespace Hyperion.Cli.Experiments;

/// <summary>
/// The <c>subplan_name</c>s Hyperion's plans give their runs (mx-bluesky's PlanNameConstants): the callbacks key off
/// them, so they are kept exactly.
/// </summary>
public static class PlanNames
{
    /// <summary>The unattended load-centre-collect plan.</summary>
    public const string LoadCentreCollect = "load_centre_collect";

    /// <summary>The robot load sub-plan.</summary>
    public const string RobotLoad = "robot_load";

    /// <summary>The robot unload sub-plan.</summary>
    public const string RobotUnload = "robot_unload";

    /// <summary>Grid detection followed by the grid scans.</summary>
    public const string GridDetectAndDoGridscan = "grid_detect_and_do_gridscan";

    /// <summary>The outer grid-scan run: scan, move to the result and tidy up.</summary>
    public const string GridscanOuter = "run_gridscan_move_and_tidy";

    /// <summary>The fast grid scan itself.</summary>
    public const string DoFgs = "do_fgs";

    /// <summary>The run that publishes the X-ray centring results.</summary>
    public const string FlyscanResults = "xray_centre_results";

    /// <summary>Pin-tip centring then X-ray centring.</summary>
    public const string PinTipCentreThenXrc = "pin_tip_centre_then_xray_centre";

    /// <summary>The run that triggers the grid-scan ISPyB callback.</summary>
    public const string TriggerGridscanIspybCallback = "trigger gridscan ispyb callback";

    /// <summary>The wrapper of several rotation sweeps.</summary>
    public const string RotationMulti = "multi_rotation_wrapper";

    /// <summary>The outer run of several rotation sweeps.</summary>
    public const string RotationMultiOuter = "multi_rotation_outer";

    /// <summary>One rotation sweep with its clean-up.</summary>
    public const string RotationOuter = "rotation_scan_with_cleanup";

    /// <summary>One rotation sweep's data collection.</summary>
    public const string RotationMain = "rotation_scan_main";

    /// <summary>The energy change.</summary>
    public const string SetEnergy = "set_energy";
}
