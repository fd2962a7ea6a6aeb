using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Experiments.RobotLoad;
using Hyperion.Cli.Experiments.Rotation;
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
        (HyperionPlans.FlyscanXrayCentre or HyperionPlans.GridDetectThenXrayCentre or HyperionPlans.PinTipCentreThenXrayCentre
            or HyperionPlans.RobotLoadThenCentre or HyperionPlans.LoadCentreCollectFull, _) when Centring is null =>
            throw new PlanNotAvailableException(planName, "the X-ray centring plans (pin-tip centring, grid detection, the fast grid scan) are not ported yet."),
        (HyperionPlans.RobotLoadThenCentre, Parameters.RobotLoadThenCentre p) => RobotLoadThenCentrePlan.Run(devices, p, Centring!),
        (HyperionPlans.LoadCentreCollectFull, Parameters.LoadCentreCollect p) => LoadCentreCollectPlan.Run(devices, p, Centring!, time: time),
        _ when HyperionPlans.TryGet(planName) is { } known => throw new ArgumentException(
            $"Plan {planName} takes {known.ParameterType.Name} parameters, not {parameters?.GetType().Name ?? "none"}.", nameof(parameters)),
        _ => throw new PlanNotFoundException(planName, HyperionPlans.All.Select(p => p.PlanName)),
    };

    /// <summary>Pin-tip centring then X-ray centring, which robot load and load-centre-collect centre with; null until ported.</summary>
    private static Func<HyperionDevices, PinTipCentreThenXrayCentre, Plan>? Centring => null;
}
