using Hyperion.Cli.Parameters;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Experiments.XrayCentre;

/// <summary>
/// The run that activates the grid-detect-and-scan ISPyB callback (mx-bluesky's ispyb_activation_wrapper): a
/// <c>grid_detect_and_do_gridscan</c> run carrying the experiment's parameters.
/// </summary>
public static class IspybActivation
{
    /// <summary>The callbacks the run activates.</summary>
    public static IReadOnlyList<string> ActivatedCallbacks { get; } = ["GridDetectAndScanISPyBCallback"];

    /// <summary>Runs <paramref name="plan"/> inside the activation run.</summary>
    public static Plan IspybActivationWrapper(Plan plan, ParameterModel parameters)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(parameters);
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["activate_callbacks"] = ActivatedCallbacks.ToList(),
            ["subplan_name"] = PlanNames.GridDetectAndDoGridscan,
            ["mx_bluesky_parameters"] = parameters.ToJson().ToJsonString(),
        };
        return Preprocessors.SetRunKey(Preprocessors.RunWrapper(plan, metadata), PlanNames.GridDetectAndDoGridscan);
    }
}
