using Hyperion.Cli.Experiments;
using Hyperion.Cli.Parameters;
using Hyperion.Cli.Tests.Parameters;

namespace Hyperion.Cli.Tests.Experiments;

public sealed class ExperimentPlansTests
{
    [Fact]
    public async Task Rotation_plans_are_made_for_their_parameters()
    {
        var devices = await HyperionDevices.CreateMockAsync();
        var single = HyperionParameters.LoadForPlan(HyperionPlans.RotationScan, ReferencePaths.ReadParams("good_test_rotation_scan_parameters.json"));
        var multi = HyperionParameters.LoadForPlan(HyperionPlans.MultiRotationScan, ReferencePaths.ReadParams("good_test_multi_rotation_scan_parameters.json"));

        Assert.NotNull(ExperimentPlans.Create(devices, TimeProvider.System, HyperionPlans.RotationScan, single));
        Assert.NotNull(ExperimentPlans.Create(devices, TimeProvider.System, HyperionPlans.MultiRotationScan, multi));
    }

    [Theory]
    [InlineData(HyperionPlans.LoadCentreCollectFull, "good_test_load_centre_collect_params.json")]
    [InlineData(HyperionPlans.FlyscanXrayCentre, "good_test_specified_three_d_grid_params.json")]
    [InlineData(HyperionPlans.GridDetectThenXrayCentre, "good_test_grid_with_edge_detect_parameters.json")]
    [InlineData(HyperionPlans.PinTipCentreThenXrayCentre, "good_test_pin_centre_then_xray_centre_parameters.json")]
    [InlineData(HyperionPlans.RobotLoadThenCentre, "good_test_robot_load_and_centre_params.json")]
    public async Task Every_centring_plan_is_made_for_its_parameters(string plan, string file)
    {
        var devices = await HyperionDevices.CreateMockAsync();
        var parameters = HyperionParameters.LoadForPlan(plan, ReferencePaths.ReadParams(file));

        Assert.NotNull(ExperimentPlans.Create(devices, TimeProvider.System, plan, parameters));
    }

    [Fact]
    public async Task Parameters_of_the_wrong_model_are_refused_naming_the_model_the_plan_takes()
    {
        var devices = await HyperionDevices.CreateMockAsync();
        var multi = HyperionParameters.LoadForPlan(HyperionPlans.MultiRotationScan, ReferencePaths.ReadParams("good_test_multi_rotation_scan_parameters.json"));

        var error = Assert.Throws<ArgumentException>(() => ExperimentPlans.Create(devices, TimeProvider.System, HyperionPlans.RotationScan, multi));

        Assert.Contains(nameof(SingleRotationScan), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_plan_is_refused()
    {
        var devices = await HyperionDevices.CreateMockAsync();
        var single = HyperionParameters.LoadForPlan(HyperionPlans.RotationScan, ReferencePaths.ReadParams("good_test_rotation_scan_parameters.json"));

        Assert.Throws<PlanNotFoundException>(() => ExperimentPlans.Create(devices, TimeProvider.System, "make_coffee", single));
    }
}
