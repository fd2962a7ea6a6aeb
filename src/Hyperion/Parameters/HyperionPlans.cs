namespace Hyperion.Cli.Parameters;

/// <summary>
/// The plans Hyperion runs, by the names its REST API takes, and each plan's parameter model (mx-bluesky's
/// PLAN_REGISTRY). <c>rotation_scan</c> takes a single sweep, <c>multi_rotation_scan</c> several.
/// </summary>
public static class HyperionPlans
{
    /// <summary>X-ray centring over two specified grids.</summary>
    public const string FlyscanXrayCentre = "flyscan_xray_centre";

    /// <summary>Grid detection from the OAV, then X-ray centring.</summary>
    public const string GridDetectThenXrayCentre = "grid_detect_then_xray_centre";

    /// <summary>Pin-tip centring, grid detection, then X-ray centring.</summary>
    public const string PinTipCentreThenXrayCentre = "pin_tip_centre_then_xray_centre";

    /// <summary>One rotation sweep.</summary>
    public const string RotationScan = "rotation_scan";

    /// <summary>Several rotation sweeps with the detector armed once.</summary>
    public const string MultiRotationScan = "multi_rotation_scan";

    /// <summary>Robot load, then pin-tip and X-ray centring.</summary>
    public const string RobotLoadThenCentre = "robot_load_then_centre";

    /// <summary>Robot load, centring and rotation sweeps.</summary>
    public const string LoadCentreCollectFull = "load_centre_collect_full";

    /// <summary>Every plan, in a stable order.</summary>
    public static IReadOnlyList<PlanParameters> All { get; } =
    [
        new(FlyscanXrayCentre, typeof(SpecifiedThreeDGridScan)),
        new(GridDetectThenXrayCentre, typeof(GridScanWithEdgeDetect)),
        new(PinTipCentreThenXrayCentre, typeof(Parameters.PinTipCentreThenXrayCentre)),
        new(RotationScan, typeof(SingleRotationScan)),
        new(MultiRotationScan, typeof(Parameters.RotationScan)),
        new(RobotLoadThenCentre, typeof(Parameters.RobotLoadThenCentre)),
        new(LoadCentreCollectFull, typeof(LoadCentreCollect)),
    ];

    /// <summary>The plan named <paramref name="planName"/>.</summary>
    /// <exception cref="PlanNotFoundException">There is none.</exception>
    public static PlanParameters Get(string planName) =>
        TryGet(planName) ?? throw new PlanNotFoundException(planName, All.Select(p => p.PlanName));

    /// <summary>The plan named <paramref name="planName"/>, or null.</summary>
    public static PlanParameters? TryGet(string planName) =>
        All.FirstOrDefault(p => string.Equals(p.PlanName, planName, StringComparison.Ordinal));
}
