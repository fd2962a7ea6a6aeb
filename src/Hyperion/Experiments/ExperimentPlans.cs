using Hyperion.Cli.Experiments.GridDetection;
using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Experiments.PinTip;
using Hyperion.Cli.Experiments.RobotLoad;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Experiments.XrayCentre;
using Hyperion.Cli.Parameters;
using Hyperion.Cli.Runner;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments;

/// <summary>Hyperion's plans by their REST names (mx-bluesky's PLAN_REGISTRY), bound to a set of devices.</summary>
public static class ExperimentPlans
{
    /// <summary>The factory the runner uses for <paramref name="devices"/> on <paramref name="time"/>.</summary>
    public static ExperimentPlanFactory For(HyperionDevices devices, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(time);
        return (planName, parameters) => Create(devices, time, planName, parameters);
    }

    /// <summary>The plan <paramref name="planName"/> with its <paramref name="parameters"/>.</summary>
    /// <exception cref="PlanNotFoundException">No plan has that name.</exception>
    /// <exception cref="ArgumentException">The parameters are not the plan's model.</exception>
    public static Plan Create(HyperionDevices devices, TimeProvider time, string planName, ParameterModel parameters) => (planName, parameters) switch
    {
        (HyperionPlans.RotationScan, SingleRotationScan p) => RotationScanPlan.Run(devices, p),
        (HyperionPlans.MultiRotationScan, RotationScan p) => RotationScanPlan.RunMulti(devices, p),
        (HyperionPlans.FlyscanXrayCentre, SpecifiedThreeDGridScan p) => FlyscanXrayCentrePlan.Run(devices, p),
        (HyperionPlans.GridDetectThenXrayCentre, GridScanWithEdgeDetect p) => GridDetectThenXrayCentrePlan.Run(devices, p),
        (HyperionPlans.PinTipCentreThenXrayCentre, Parameters.PinTipCentreThenXrayCentre p) => PinTipCentreThenXrayCentrePlan.Run(devices, p),
        (HyperionPlans.RobotLoadThenCentre, Parameters.RobotLoadThenCentre p) => RobotLoadThenCentrePlan.Run(devices, p, PinTipCentreThenXrayCentrePlan.Run),
        (HyperionPlans.LoadCentreCollectFull, Parameters.LoadCentreCollect p) => LoadCentreCollectPlan.Run(devices, p, PinTipCentreThenXrayCentrePlan.Run, time: time),
        _ when HyperionPlans.TryGet(planName) is { } known => throw new ArgumentException(
            $"Plan {planName} takes {known.ParameterType.Name} parameters, not {parameters?.GetType().Name ?? "none"}.", nameof(parameters)),
        _ => throw new PlanNotFoundException(planName, HyperionPlans.All.Select(p => p.PlanName)),
    };

}
