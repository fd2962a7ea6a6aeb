using Hyperion.Cli.Parameters;

namespace Hyperion.Cli.Tests.Parameters;

public sealed class PlansAndLoaderTests
{
    [Theory]
    [InlineData("flyscan_xray_centre", "good_test_specified_three_d_grid_params.json", typeof(SpecifiedThreeDGridScan))]
    [InlineData("grid_detect_then_xray_centre", "good_test_grid_with_edge_detect_parameters.json", typeof(GridScanWithEdgeDetect))]
    [InlineData("pin_tip_centre_then_xray_centre", "good_test_pin_centre_then_xray_centre_parameters.json", typeof(PinTipCentreThenXrayCentre))]
    [InlineData("rotation_scan", "good_test_rotation_scan_parameters.json", typeof(SingleRotationScan))]
    [InlineData("multi_rotation_scan", "good_test_multi_rotation_scan_parameters.json", typeof(RotationScan))]
    [InlineData("robot_load_then_centre", "good_test_robot_load_and_centre_params.json", typeof(RobotLoadThenCentre))]
    [InlineData("load_centre_collect_full", "good_test_load_centre_collect_params.json", typeof(LoadCentreCollect))]
    public void Each_plan_loads_its_model(string plan, string file, Type model)
    {
        Assert.IsType(model, HyperionParameters.LoadForPlan(plan, ReferencePaths.ReadParams(file)));
        Assert.Equal(model, HyperionPlans.Get(plan).ParameterType);
    }

    [Fact]
    public void The_registry_lists_the_seven_plans_of_the_rest_api()
    {
        Assert.Equal(
            ["flyscan_xray_centre", "grid_detect_then_xray_centre", "pin_tip_centre_then_xray_centre", "rotation_scan",
             "multi_rotation_scan", "robot_load_then_centre", "load_centre_collect_full"],
            HyperionPlans.All.Select(p => p.PlanName));
    }

    [Fact]
    public void An_unknown_plan_is_reported_with_the_known_ones()
    {
        var e = Assert.Throws<PlanNotFoundException>(() => HyperionParameters.LoadForPlan("make_tea", "{}"));
        Assert.Equal("make_tea", e.PlanName);
        Assert.Contains("load_centre_collect_full", e.Message, StringComparison.Ordinal);
        Assert.Null(HyperionPlans.TryGet("make_tea"));
    }

    [Fact]
    public void A_plan_file_of_the_wrong_kind_is_rejected_with_field_errors()
    {
        var e = Assert.Throws<ParameterValidationException>(() =>
            HyperionParameters.LoadForPlan("flyscan_xray_centre", ReferencePaths.ReadParams("good_test_grid_with_edge_detect_parameters.json")));
        Assert.Contains(e.Errors, x => x is { Path: "$.x_steps", Rule: "missing" });
        Assert.Contains(e.Errors, x => x is { Path: "$.y_starts_um", Rule: "missing" });
    }

    [Fact]
    public void Only_concrete_models_can_be_loaded()
    {
        Assert.Throws<ArgumentException>(() => HyperionParameters.Load<GenericGrid>("{}"));
        Assert.Throws<ArgumentException>(() => HyperionParameters.Load(typeof(string), "{}"));
    }

    [Fact]
    public void Pin_tip_centring_is_built_from_a_few_external_values()
    {
        var p = ExternalParameters.PinTipCentreThenXrayCentreToInternal("cm31105-4", "/tmp/xrc", 1234, 5, 15);
        Assert.Equal((300.0, 600.0, 20.0), (p.TipOffsetUm, p.GridWidthUm, p.BoxSizeUm));
        Assert.Equal(HardwareConstants.DefaultDetectorDistanceMm, p.DetectorDistanceMm);
        Assert.Equal(("xrc", 1.0, 0.004), (p.FileName, p.TransmissionFrac, p.ExposureTimeS));
        Assert.Equal((1234L, 5, 15), (p.SampleId, p.SamplePuck!.Value, p.SamplePin!.Value));
    }

    [Theory]
    [InlineData("6.0.0", "6.0.1", -1)]
    [InlineData("6.1.0", "6.0.9", 1)]
    [InlineData("6.0.0-rc.1", "6.0.0", -1)]
    [InlineData("6.0.0-alpha", "6.0.0-alpha.1", -1)]
    [InlineData("6.0.0-alpha.2", "6.0.0-alpha.10", -1)]
    [InlineData("6.0.0-beta", "6.0.0-alpha.9", 1)]
    [InlineData("6.0.0+a", "6.0.0+b", 0)]
    public void Semantic_versions_order_by_precedence(string left, string right, int sign) =>
        Assert.Equal(sign, Math.Sign(SemanticVersion.Parse(left).CompareTo(SemanticVersion.Parse(right))));

    [Theory]
    [InlineData("6")]
    [InlineData("6.0")]
    [InlineData("06.0.0")]
    [InlineData("v6.0.0")]
    public void Malformed_versions_do_not_parse(string text) => Assert.Null(SemanticVersion.TryParse(text));

    [Theory]
    [InlineData("/tmp/", "/tmp")]
    [InlineData("/tmp//a/./b/", "/tmp/a/b")]
    [InlineData("a/../b", "a/../b")]
    [InlineData("", ".")]
    [InlineData("/", "/")]
    public void Paths_normalise_as_pathlib_does(string path, string expected) => Assert.Equal(expected, PosixPath.Normalise(path));

    [Theory]
    [InlineData("BL03I", "i03")]
    [InlineData("BL03S", "s03")]
    [InlineData("BL02J", "i02-1")]
    [InlineData("BL24B", "b24")]
    public void Beamline_names_convert_to_dodal_names(string beamline, string expected) =>
        Assert.Equal(expected, BeamlineNames.ToShortName(beamline));
}
