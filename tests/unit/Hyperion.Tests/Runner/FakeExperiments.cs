using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Parameters;
using Hyperion.Cli.Runner;
using Hyperion.Cli.Tests.Parameters;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;

namespace Hyperion.Cli.Tests.Runner;

/// <summary>Plans the runner tests drive: one held open until released, and ones that fail in the ways that matter.</summary>
internal sealed class FakeExperiments
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static string RotationJson => ReferencePaths.ReadParams("good_test_rotation_scan_parameters.json");

    /// <summary>What the next plan does: hold until released (null), or throw this.</summary>
    public Exception? Failure { get; set; }

    public List<(string Plan, ParameterModel Parameters)> Made { get; } = [];

    public Task Started => _started.Task;

    public ExperimentPlanFactory Factory => (plan, parameters) =>
    {
        Made.Add((plan, parameters));
        return Run(Failure);
    };

    public void Release() => _release.TrySetResult();

    private async Plan Run(Exception? failure)
    {
        await Stubs.OpenRun(new Dictionary<string, object?> { ["subplan_name"] = "fake" });
        _started.TrySetResult();
        if (failure is not null)
        {
            throw failure;
        }

        await Stubs.WaitFor([_release.Task]);
        await Stubs.CloseRun();
    }

    public static CrystalNotFoundException NoCrystal() => new();
}
