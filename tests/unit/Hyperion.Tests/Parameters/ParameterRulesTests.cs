using System.Text.Json.Nodes;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Aperture;

namespace Hyperion.Cli.Tests.Parameters;

public sealed class ParameterRulesTests
{
    private const string Grid = "good_test_grid_with_edge_detect_parameters.json";
    private const string Specified = "good_test_specified_three_d_grid_params.json";
    private const string Single = "good_test_rotation_scan_parameters.json";
    private const string Multi = "good_test_multi_rotation_scan_parameters.json";
    private const string Lcc = "good_test_load_centre_collect_params_multi_rotation.json";
    private const string RobotLoad = "good_test_robot_load_params.json";
    private const string External = "external_load_centre_collect_params.json";

    public static TheoryData<string, string, string, string> SingleFieldRules => new()
    {
        // file, field to set (JSON text, or "<remove>"), expected path, expected rule
        { Grid, "visit=<remove>", "$.visit", "missing" },
        { Grid, "visit=\"\"", "$.visit", "string_too_short" },
        { Grid, "beamline=\"I03\"", "$.beamline", "string_pattern_mismatch" },
        { Grid, "beamline=\"BL3S\"", "$.beamline", "string_pattern_mismatch" },
        { Grid, "beamline=\"BL03X\"", "$.beamline", "string_pattern_mismatch" },
        { Grid, "detector_distance_mm=0", "$.detector_distance_mm", "greater_than" },
        { Grid, "demand_energy_ev=-5", "$.demand_energy_ev", "greater_than" },
        { Grid, "exposure_time_s=0", "$.exposure_time_s", "greater_than" },
        { Grid, "exposure_time_s=null", "$.exposure_time_s", "float_type" },
        { Grid, "transmission_frac=\"lots\"", "$.transmission_frac", "float_parsing" },
        { Grid, "transmission_frac=true", "$.transmission_frac", "float_type" },
        { Grid, "run_number=-1", "$.run_number", "greater_than_equal" },
        { Grid, "run_number=1.5", "$.run_number", "int_from_float" },
        { Grid, "sample_id=<remove>", "$.sample_id", "missing" },
        { Grid, "sample_id=\"abc\"", "$.sample_id", "int_parsing" },
        { Grid, "sample_puck=[1]", "$.sample_puck", "int_type" },
        { Grid, "omega_starts_deg=[0, 90.5]", "$.omega_starts_deg[1]", "int_from_float" },
        { Grid, "omega_starts_deg=90", "$.omega_starts_deg", "list_type" },
        { Grid, "selected_aperture=\"HUGE_APERTURE\"", "$.selected_aperture", "enum" },
        { Grid, "ispyb_experiment_type=\"Rotation\"", "$.ispyb_experiment_type", "enum" },
        { Grid, "trigger_mode=3", "$.trigger_mode", "enum" },
        { Grid, "use_roi_mode=\"maybe\"", "$.use_roi_mode", "bool_parsing" },
        { Grid, "file_name=5", "$.file_name", "string_type" },
        { Grid, "storage_directory=<remove>", "$.storage_directory", "missing" },
        { Grid, "parameter_model_version=<remove>", "$.parameter_model_version", "missing" },
        { Grid, "parameter_model_version=\"six\"", "$.parameter_model_version", "semantic_version" },
        { Grid, "parameter_model_version=\"5.3.7\"", "$.parameter_model_version", "parameter_version_too_old" },
        { Grid, "parameter_model_version=\"6.0.0-rc.1\"", "$.parameter_model_version", "parameter_version_too_old" },
        { Grid, "parameter_model_version=\"7.0.0\"", "$.parameter_model_version", "parameter_version_too_new" },
        { Grid, "parameter_model_version=\"7.3.7\"", "$.parameter_model_version", "parameter_version_too_new" },
        { Grid, "use_grid_snapshots=true|snapshot_omegas_deg=[0, 90]", "$.snapshot_omegas_deg", "snapshot_omegas_with_grid_snapshots" },
        { Specified, "x_steps=0", "$.x_steps", "greater_than" },
        { Specified, "y_steps=[20, 0]", "$.y_steps[1]", "greater_than" },
        { Specified, "x_step_size_um=-1", "$.x_step_size_um", "greater_than" },
        { Specified, "y_step_sizes_um=[100, 0]", "$.y_step_sizes_um[1]", "greater_than" },
        { Specified, "x_start_um=<remove>", "$.x_start_um", "missing" },
        { Specified, "y_starts_um=[0, 0, 0]", "$.y_starts_um", "list_lengths_differ" },
        { Specified, "omega_starts_deg=[0]", "$.omega_starts_deg", "list_lengths_differ" },
        { Specified, "omega_starts_deg=[0]", "$.omega_starts_deg", "three_d_scan_needs_two_grids" },
        { Specified, "y_steps=[1, 2, 3]|y_step_sizes_um=[1, 1, 1]|omega_starts_deg=[0, 90, 180]|y_starts_um=[0, 0, 0]|z_starts_um=[0, 0, 0]", "$.y_steps", "three_d_scan_needs_two_grids" },
        { Specified, "exposure_time_s=0.0015", "$.exposure_time_s", "dwell_time_not_integer_ms" },
        { Single, "scan_width_deg=0", "$.scan_width_deg", "greater_than" },
        { Single, "rotation_increment_deg=0", "$.rotation_increment_deg", "greater_than" },
        { Single, "rotation_axis=\"theta\"", "$.rotation_axis", "enum" },
        { Single, "rotation_direction=\"Clockwise\"", "$.rotation_direction", "enum" },
        { Single, "nexus_vds_start_img=-1", "$.nexus_vds_start_img", "greater_than_equal" },
        { Multi, "rotation_scans=[]", "$.rotation_scans", "too_short" },
        { Multi, "rotation_scans=<remove>", "$.rotation_scans", "missing" },
        { RobotLoad, "snapshot_directory=<remove>", "$.snapshot_directory", "missing" },
        { Lcc, "surprise=1", "$.surprise", "extra_forbidden" },
        { Lcc, "multi_rotation_scan=<remove>", "$.multi_rotation_scan", "missing" },
        { Lcc, "robot_load_then_centre=[]", "$.robot_load_then_centre", "model_type" },
        { Lcc, "visit=\"\"", "$.visit", "string_too_short" },
        { Lcc, "detector_distance_mm=-1", "$.detector_distance_mm", "greater_than" },
        { Lcc, "select_centres={\"name\": \"Everything\", \"n\": 2}", "$.select_centres.name", "union_tag_invalid" },
        { Lcc, "select_centres={\"n\": 2}", "$.select_centres", "union_tag_not_found" },
        { Lcc, "select_centres={\"name\": \"TopNByMaxCount\"}", "$.select_centres.n", "missing" },
        { External, "parameter_model_version=\"6.0.0\"", "$.parameter_model_version", "extra_forbidden" },
        { External, "demand_energy_ev=<remove>", "$.demand_energy_ev", "missing" },
    };

    [Theory]
    [MemberData(nameof(SingleFieldRules))]
    public void A_broken_rule_names_its_path_and_rule(string file, string edits, string path, string rule)
    {
        var document = Document(file);
        foreach (var edit in edits.Split('|'))
        {
            var (name, value) = (edit[..edit.IndexOf('=', StringComparison.Ordinal)], edit[(edit.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (value == "<remove>")
            {
                document.Remove(name);
            }
            else
            {
                document[name] = JsonNode.Parse(value);
            }
        }

        var error = AssertError(ReferenceFilesTests.Models[file], document, path, rule);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void The_reference_files_break_no_rule_before_editing()
    {
        foreach (var file in new[] { Grid, Specified, Single, Multi, Lcc, RobotLoad, External })
        {
            HyperionParameters.Load(ReferenceFilesTests.Models[file], Document(file));
        }
    }

    [Fact]
    public void An_error_carries_the_offending_value()
    {
        var document = Document(Grid);
        document["beamline"] = "I03";
        var error = AssertError(typeof(GridScanWithEdgeDetect), document, "$.beamline", "string_pattern_mismatch");
        Assert.Equal("\"I03\"", error.Value);
        Assert.Contains(@"BL\d{2}[BIJS]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_broken_field_is_reported_not_just_the_first()
    {
        var document = Document(Grid);
        document["visit"] = "";
        document["beamline"] = "nowhere";
        document["detector_distance_mm"] = -1;
        document.Remove("sample_id");

        var e = Assert.Throws<ParameterValidationException>(() => HyperionParameters.Load<GridScanWithEdgeDetect>(document));
        Assert.Equal(nameof(GridScanWithEdgeDetect), e.ModelName);
        Assert.Equal(["$.beamline", "$.detector_distance_mm", "$.sample_id", "$.visit"], e.Errors.Select(x => x.Path).Order());
        Assert.Contains("4 validation errors", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweeps_of_different_widths_are_rejected_at_the_odd_sweep()
    {
        var document = Document(Multi);
        document["rotation_scans"]![2]!["scan_width_deg"] = 90.0;
        AssertError(typeof(RotationScan), document, "$.rotation_scans[2].scan_width_deg", "sweep_widths_differ");
    }

    [Fact]
    public void A_bad_sweep_field_in_load_centre_collect_names_the_nested_path()
    {
        var document = Document(Lcc);
        document["multi_rotation_scan"]!["rotation_scans"]![1]!["scan_width_deg"] = 90.0;
        AssertError(typeof(LoadCentreCollect), document, "$.multi_rotation_scan.rotation_scans[1].scan_width_deg", "sweep_widths_differ");

        document = Document(Lcc);
        document["multi_rotation_scan"]!["rotation_scans"]![1]!["rotation_direction"] = "Sideways";
        AssertError(typeof(LoadCentreCollect), document, "$.multi_rotation_scan.rotation_scans[1].rotation_direction", "enum");
    }

    [Fact]
    public void A_bad_field_inside_a_part_names_the_part()
    {
        var document = Document(Lcc);
        document["robot_load_then_centre"]!["exposure_time_s"] = -1;
        AssertError(typeof(LoadCentreCollect), document, "$.robot_load_then_centre.exposure_time_s", "greater_than");
    }

    [Fact]
    public void A_bad_outer_field_is_reported_once_at_the_outer_path()
    {
        var document = Document(Lcc);
        document["beamline"] = "BL3";
        var e = Assert.Throws<ParameterValidationException>(() => HyperionParameters.Load<LoadCentreCollect>(document));
        var error = Assert.Single(e.Errors);
        Assert.Equal(("$.beamline", "string_pattern_mismatch"), (error.Path, error.Rule));
    }

    [Theory]
    [InlineData("robot_load_then_centre", "visit")]
    [InlineData("robot_load_then_centre", "sample_id")]
    [InlineData("multi_rotation_scan", "parameter_model_version")]
    [InlineData("multi_rotation_scan", "detector_distance_mm")]
    public void Outer_fields_repeated_in_a_part_are_rejected(string part, string field)
    {
        var document = Document(Lcc);
        document[part]![field] = document[field]?.DeepClone() ?? 1;
        AssertError(typeof(LoadCentreCollect), document, $"$.{part}.{field}", "duplicated_outer_field");
    }

    [Fact]
    public void Sweep_start_positions_are_rejected_with_centring()
    {
        var document = Document(Lcc);
        document["multi_rotation_scan"]!["rotation_scans"]![1]!["y_start_um"] = 5.0;
        AssertError(typeof(LoadCentreCollect), document, "$.multi_rotation_scan.rotation_scans[1].y_start_um", "start_xyz_with_centring");
    }

    [Fact]
    public void A_zero_sweep_start_passes_as_mx_bluesky_tests_truthiness()
    {
        var document = Document(Lcc);
        document["multi_rotation_scan"]!["rotation_scans"]![0]!["x_start_um"] = 0.0;
        Assert.Equal(0.0, HyperionParameters.Load<LoadCentreCollect>(document).MultiRotationScan.RotationScans[0].XStartUm);
    }

    [Fact]
    public void A_rotation_energy_other_than_the_centring_energy_is_rejected()
    {
        var document = Document(Lcc);
        document["multi_rotation_scan"]!["demand_energy_ev"] = 12000;
        AssertError(typeof(LoadCentreCollect), document, "$.multi_rotation_scan.demand_energy_ev", "different_energies");
    }

    [Fact]
    public void An_outer_energy_is_copied_into_both_parts()
    {
        var document = Document(Lcc);
        ((JsonObject)document["robot_load_then_centre"]!).Remove("demand_energy_ev");
        ((JsonObject)document["multi_rotation_scan"]!).Remove("demand_energy_ev");
        document["demand_energy_ev"] = 12700;
        var p = HyperionParameters.Load<LoadCentreCollect>(document);
        Assert.Equal(12700, p.RobotLoadThenCentre.DemandEnergyEv);
        Assert.Equal(12700, p.MultiRotationScan.DemandEnergyEv);
        Assert.Equal(12700, p.ExtraFields!["demand_energy_ev"].GetInt32());
    }

    [Fact]
    public void A_part_value_wins_over_a_copied_outer_value()
    {
        var document = Document(Lcc);
        document["comment"] = "outer";
        var p = HyperionParameters.Load<LoadCentreCollect>(document);
        Assert.Equal("Robot load and centre", p.RobotLoadThenCentre.Comment);
        Assert.Equal("Rotation", p.MultiRotationScan.Comment);
    }

    [Fact]
    public void The_outer_sample_overrides_each_sweeps_sample()
    {
        var document = Document(Lcc);
        document["multi_rotation_scan"]!["rotation_scans"]![0]!["sample_id"] = 999;
        var p = HyperionParameters.Load<LoadCentreCollect>(document);
        Assert.All(p.MultiRotationScan.RotationScans, s => Assert.Equal(12345, s.SampleId));
    }

    [Fact]
    public void Unknown_fields_are_kept_where_pydantic_allows_them()
    {
        var document = Document(Grid);
        document["favourite_colour"] = "blue";
        var p = HyperionParameters.Load<GridScanWithEdgeDetect>(document);
        Assert.Equal("blue", p.ExtraFields!["favourite_colour"].GetString());
        Assert.Equal("blue", p.ToJson()["favourite_colour"]!.GetValue<string>());
    }

    [Fact]
    public void Unknown_fields_in_the_external_form_are_rejected_at_their_path()
    {
        var document = Document(External);
        document["robot_load_then_centre"]!["box_size_um"] = 30;
        AssertError(typeof(LoadCentreCollectParams), document, "$.robot_load_then_centre.box_size_um", "extra_forbidden");
    }

    [Fact]
    public void Invalid_json_is_reported_as_an_error_not_a_crash()
    {
        var e = Assert.Throws<ParameterValidationException>(() => HyperionParameters.Load<GridScanWithEdgeDetect>("{\"visit\": "));
        Assert.Equal("json_invalid", Assert.Single(e.Errors).Rule);
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_rejected()
    {
        var e = Assert.Throws<ParameterValidationException>(() => HyperionParameters.Load<GridScanWithEdgeDetect>("[1, 2]"));
        Assert.Equal(("$", "model_type"), (Assert.Single(e.Errors).Path, e.Errors[0].Rule));
    }

    [Theory]
    [InlineData("6.0.0")]
    [InlineData("6.9.1")]
    [InlineData("6.0.0+build.5")]
    public void Any_version_6_loads(string version)
    {
        var document = Document(Grid);
        document["parameter_model_version"] = version;
        Assert.Equal(6, HyperionParameters.Load<GridScanWithEdgeDetect>(document).ParameterModelVersion.Major);
    }

    [Fact]
    public void Pydantic_lax_coercions_are_accepted()
    {
        var document = Document(Grid);
        document["sample_id"] = "123";
        document["run_number"] = 2.0;
        document["use_roi_mode"] = "yes";
        document["detector_distance_mm"] = "250.5";
        var p = HyperionParameters.Load<GridScanWithEdgeDetect>(document);
        Assert.Equal((123L, 2, true, 250.5), (p.SampleId, p.RunNumber!.Value, p.UseRoiMode, p.DetectorDistanceMm!.Value));
    }

    [Fact]
    public void A_rotation_with_no_aperture_uses_the_large_one()
    {
        var document = Document(Single);
        document["selected_aperture"] = null;
        Assert.Equal(ApertureValue.Large, HyperionParameters.Load<SingleRotationScan>(document).SelectedAperture);
        document.Remove("selected_aperture");
        Assert.Equal(ApertureValue.Large, HyperionParameters.Load<SingleRotationScan>(document).SelectedAperture);
    }

    [Fact]
    public void A_given_snapshot_directory_is_kept_and_numtracker_uses_tmp()
    {
        var document = Document(Grid);
        document["snapshot_directory"] = "/data/snaps/";
        Assert.Equal("/data/snaps", HyperionParameters.Load<GridScanWithEdgeDetect>(document).SnapshotDirectory);
        document["storage_directory"] = DiffractionExperiment.UseNumtracker;
        Assert.Equal("/tmp", HyperionParameters.Load<GridScanWithEdgeDetect>(document).SnapshotDirectory);
    }

    [Fact]
    public void Loading_does_not_change_the_callers_document()
    {
        var document = Document(Lcc);
        var before = document.ToJsonString();
        HyperionParameters.Load<LoadCentreCollect>(document);
        Assert.Equal(before, document.ToJsonString());
    }

    internal static JsonObject Document(string file) => JsonNode.Parse(ReferencePaths.ReadParams(file))!.AsObject();

    internal static ParameterError AssertError(Type model, JsonObject document, string path, string rule)
    {
        var e = Assert.Throws<ParameterValidationException>(() => HyperionParameters.Load(model, document));
        var error = e.Errors.FirstOrDefault(x => x.Path == path && x.Rule == rule);
        Assert.True(error is not null, $"Expected {rule} at {path}; got:{Environment.NewLine}{string.Join(Environment.NewLine, e.Errors)}");
        return error;
    }
}
