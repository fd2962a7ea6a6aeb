using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Zebra;

namespace Hyperion.Cli.Tests.Parameters;

public sealed class ReferenceFilesTests
{
    /// <summary>Each reference file and the model mx-bluesky's tests load it into.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Models = new Dictionary<string, Type>
    {
        ["example_load_centre_collect_params.json"] = typeof(LoadCentreCollect),
        ["external_load_centre_collect_params.json"] = typeof(LoadCentreCollectParams),
        ["good_test_grid_with_edge_detect_parameters.json"] = typeof(GridScanWithEdgeDetect),
        ["good_test_load_centre_collect_params.json"] = typeof(LoadCentreCollect),
        ["good_test_load_centre_collect_params_multi_rotation.json"] = typeof(LoadCentreCollect),
        ["good_test_multi_rotation_scan_parameters.json"] = typeof(RotationScan),
        ["good_test_one_multi_rotation_scan_parameters.json"] = typeof(RotationScan),
        ["good_test_pin_centre_then_xray_centre_parameters.json"] = typeof(PinTipCentreThenXrayCentre),
        ["good_test_robot_load_and_centre_params.json"] = typeof(RobotLoadThenCentre),
        ["good_test_robot_load_params.json"] = typeof(RobotLoadAndEnergyChange),
        ["good_test_rotation_scan_parameters.json"] = typeof(SingleRotationScan),
        ["good_test_specified_three_d_grid_params.json"] = typeof(SpecifiedThreeDGridScan),
        ["test_oav_snapshot_params.json"] = typeof(WithSnapshot),
    };

    public static TheoryData<string> FileNames => [.. Models.Keys];

    [Fact]
    public void Every_reference_file_has_a_model()
    {
        var files = Directory.GetFiles(ReferencePaths.HyperionParams, "*.json").Select(Path.GetFileName).Order().ToList();
        Assert.NotEmpty(files);
        Assert.Equal(Models.Keys.Order(), files);
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Every_reference_file_loads_into_its_model(string fileName)
    {
        var model = HyperionParameters.Load(Models[fileName], ReferencePaths.ReadParams(fileName));
        Assert.IsType(Models[fileName], model);
    }

    [Fact]
    public void Grid_with_edge_detect_keeps_given_values_and_grid_defaults()
    {
        var p = HyperionParameters.Load<GridScanWithEdgeDetect>(ReferencePaths.ReadParams("good_test_grid_with_edge_detect_parameters.json"));
        Assert.Equal(new SemanticVersion(6, 0, 0), p.ParameterModelVersion);
        Assert.Equal("BL03S", p.Beamline);
        Assert.Equal("cm31105-4", p.Visit);
        Assert.Equal(123456, p.SampleId);
        Assert.Equal(0.1, p.ExposureTimeS);
        Assert.Equal(100.0, p.DetectorDistanceMm);
        Assert.Equal([0, 90], p.OmegaStartsDeg);
        Assert.Equal(290.6, p.GridWidthUm);
        Assert.Equal(20, p.BoxSizeUm);
        Assert.Equal(0, p.TipOffsetUm);
        Assert.False(p.UseRoiMode);
        Assert.Equal(IspybExperimentType.Mesh3D, p.IspybExperimentType);
        Assert.Equal(ApertureValue.Small, p.SelectedAperture);
        Assert.Equal("/tmp/snapshots", p.SnapshotDirectory);
        Assert.Null(p.DemandEnergyEv);
    }

    [Fact]
    public void Pin_tip_centre_reads_its_tip_offset()
    {
        var p = HyperionParameters.Load<PinTipCentreThenXrayCentre>(ReferencePaths.ReadParams("good_test_pin_centre_then_xray_centre_parameters.json"));
        Assert.Equal(108.9, p.TipOffsetUm);
        Assert.Equal(290.6, p.GridWidthUm);
        Assert.Equal(0, p.RunNumber);
    }

    [Fact]
    public void Specified_grid_reads_both_grids()
    {
        var p = HyperionParameters.Load<SpecifiedThreeDGridScan>(ReferencePaths.ReadParams("good_test_specified_three_d_grid_params.json"));
        Assert.Equal(40, p.XSteps);
        Assert.Equal([20, 10], p.YSteps);
        Assert.Equal(100, p.XStepSizeUm);
        Assert.Equal([100.0, 100.0], p.YStepSizesUm);
        Assert.Equal([0.0, 0.0], p.ZStartsUm);
        Assert.Equal(100, p.DemandEnergyEv);
        Assert.Equal("{tmp_data}/xraycentring/123456/snapshots", p.SnapshotDirectory);
        Assert.Equal(40 * (20 + 10), p.NumImages);
    }

    [Fact]
    public void Single_rotation_reads_its_sweep()
    {
        var p = HyperionParameters.Load<SingleRotationScan>(ReferencePaths.ReadParams("good_test_rotation_scan_parameters.json"));
        Assert.Equal(180.0, p.ScanWidthDeg);
        Assert.Equal(RotationAxis.Omega, p.RotationAxis);
        Assert.Equal(RotationDirection.Negative, p.RotationDirection);
        Assert.Equal(0.1, p.RotationIncrementDeg);
        Assert.Equal(0.6, p.ShutterOpeningTimeS);
        Assert.Equal(0.47, p.PhiStartDeg);
        Assert.Equal(23.85, p.ChiStartDeg);
        Assert.Equal(1.0, p.XStartUm);
        Assert.Equal(3.0, p.ZStartUm);
        Assert.Equal(ApertureValue.Small, p.SelectedAperture);
        Assert.Equal(IspybExperimentType.Sad, p.IspybExperimentType);
        Assert.Equal([0.0, 90, 180, 270], p.SnapshotOmegasDeg);
        Assert.True(p.TakeSnapshots);
        Assert.Equal(1800, p.NumImages);
    }

    [Fact]
    public void Multi_rotation_reads_three_sweeps_and_numbers_their_frames()
    {
        var p = HyperionParameters.Load<RotationScan>(ReferencePaths.ReadParams("good_test_multi_rotation_scan_parameters.json"));
        Assert.Equal(3, p.RotationScans.Count);
        Assert.Equal([180.0, 270.0], p.RotationScans.Skip(1).Select(s => s.OmegaStartDeg));
        Assert.Equal(RotationDirection.Positive, p.RotationScans[2].RotationDirection);
        Assert.Equal([0, 1800, 3600], p.RotationScans.Select(s => s.NexusVdsStartImg));
        Assert.Equal([0, 1800, 3600, 5400], p.ScanIndices);
        Assert.Equal(5400, p.NumImages);
        Assert.All(p.RotationScans, s => Assert.Equal(123456, s.SampleId));
        Assert.Null(p.SnapshotOmegasDeg);
        Assert.False(p.TakeSnapshots);
    }

    [Fact]
    public void Robot_load_reads_its_snapshot_directory_and_sample()
    {
        var p = HyperionParameters.Load<RobotLoadAndEnergyChange>(ReferencePaths.ReadParams("good_test_robot_load_params.json"));
        Assert.Equal("/tmp", p.SnapshotDirectory);
        Assert.Equal(11100, p.DemandEnergyEv);
        Assert.Equal((12345L, 40, 3), (p.SampleId, p.SamplePuck!.Value, p.SamplePin!.Value));
    }

    [Fact]
    public void Robot_load_then_centre_splits_into_its_parts()
    {
        var p = HyperionParameters.Load<RobotLoadThenCentre>(ReferencePaths.ReadParams("good_test_robot_load_and_centre_params.json"));
        Assert.Equal("Descriptive comment.", p.Comment);
        Assert.Equal(0.004, p.ExposureTimeS);
        var robotLoad = p.RobotLoadParams;
        Assert.Equal((12345L, 40, 3), (robotLoad.SampleId, robotLoad.SamplePuck!.Value, robotLoad.SamplePin!.Value));
        Assert.Equal("/tmp/snapshots", robotLoad.SnapshotDirectory);
        Assert.Equal(11100, robotLoad.DemandEnergyEv);
        var centring = p.PinCentreThenXrayCentreParams;
        Assert.Equal(p.Visit, centring.Visit);
        Assert.Equal(255, centring.DetectorDistanceMm);
    }

    [Fact]
    public void Oav_snapshot_params_load_as_snapshot_settings()
    {
        var p = HyperionParameters.Load<WithSnapshot>(ReferencePaths.ReadParams("test_oav_snapshot_params.json"));
        Assert.Equal("/tmp/my_snapshots", p.SnapshotDirectory);
        Assert.Equal(4, p.SnapshotOmegasDeg!.Count);
    }

    [Fact]
    public void Load_centre_collect_copies_outer_fields_down_into_both_parts()
    {
        var p = HyperionParameters.Load<LoadCentreCollect>(ReferencePaths.ReadParams("good_test_load_centre_collect_params.json"));
        Assert.Equal("cm31105-4", p.Visit);
        foreach (var part in new DiffractionExperiment[] { p.RobotLoadThenCentre, p.MultiRotationScan })
        {
            Assert.Equal("cm31105-4", part.Visit);
            Assert.Equal("BL03S", part.Beamline);
            Assert.Equal(255, part.DetectorDistanceMm);
            Assert.Equal(p.ParameterModelVersion, part.ParameterModelVersion);
        }

        Assert.Equal((12345L, 40, 3), (p.RobotLoadThenCentre.SampleId, p.RobotLoadThenCentre.SamplePuck!.Value, p.RobotLoadThenCentre.SamplePin!.Value));
        Assert.Equal(12345, Assert.Single(p.MultiRotationScan.RotationScans).SampleId);
        Assert.Equal("{tmp_data}/123458/xraycentring", p.RobotLoadThenCentre.StorageDirectory);
        Assert.Equal(0.17, p.RobotLoadThenCentre.ExtraFields!["panda_runup_distance_mm"].GetDouble());
        Assert.Equal(ApertureValue.Small, p.MultiRotationScan.SelectedAperture);
        Assert.Equal(1, p.MultiRotationScan.RunNumber);
        Assert.Equal(1, Assert.IsType<TopNByMaxCountSelection>(p.SelectCentres).N);
    }

    [Fact]
    public void Load_centre_collect_with_two_sweeps_keeps_each_sweep()
    {
        var p = HyperionParameters.Load<LoadCentreCollect>(ReferencePaths.ReadParams("good_test_load_centre_collect_params_multi_rotation.json"));
        Assert.Equal([RotationDirection.Negative, RotationDirection.Positive], p.MultiRotationScan.RotationScans.Select(s => s.RotationDirection));
        Assert.Equal([23.85, 0.0], p.MultiRotationScan.RotationScans.Select(s => s.ChiStartDeg!.Value));
        Assert.Equal([0, 1800], p.MultiRotationScan.RotationScans.Select(s => s.NexusVdsStartImg));
    }

    [Fact]
    public void Example_load_centre_collect_uses_defaults_and_ignores_undeclared_sweep_fields()
    {
        var p = HyperionParameters.Load<LoadCentreCollect>(ReferencePaths.ReadParams("example_load_centre_collect_params.json"));
        Assert.Equal("BL03I", p.Beamline);
        Assert.Equal("BL03I", p.MultiRotationScan.Beamline);
        Assert.Equal(30, p.RobotLoadThenCentre.ChiStartDeg);
        Assert.True(p.RobotLoadThenCentre.UseRoiMode);
        Assert.Equal(3600, p.MultiRotationScan.RotationScans[1].NexusVdsStartImg);
        Assert.Equal(IspybExperimentType.Sad, p.MultiRotationScan.IspybExperimentType);

        // The file gives transmission per sweep, which a sweep does not declare: pydantic ignores it, so the default stays.
        Assert.Equal(0.1, p.MultiRotationScan.TransmissionFrac);
    }

    [Fact]
    public void External_load_centre_collect_converts_to_internal()
    {
        var external = HyperionParameters.Load<LoadCentreCollectParams>(ReferencePaths.ReadParams("external_load_centre_collect_params.json"));
        var p = external.ToInternal();
        Assert.Equal(MxBlueskyParameters.ParameterVersion, p.ParameterModelVersion);
        Assert.Equal(300.0, p.RobotLoadThenCentre.TipOffsetUm);
        Assert.Equal(600.0, p.RobotLoadThenCentre.GridWidthUm);
        Assert.Equal(11100, p.RobotLoadThenCentre.DemandEnergyEv);
        Assert.Equal(11100, p.MultiRotationScan.DemandEnergyEv);
        Assert.Equal("{tmp_data}/snapshots/123457", p.MultiRotationScan.SnapshotDirectory);
        Assert.False(p.MultiRotationScan.UseGridSnapshots);
        Assert.Equal(IspybExperimentType.Sad, p.MultiRotationScan.IspybExperimentType);
        Assert.Equal(2, p.MultiRotationScan.RotationScans.Count);
    }
}
