using Hyperion.Cli.Parameters;

namespace Hyperion.Cli.Tests.Parameters;

public sealed class DerivedValuesTests
{
    private static SpecifiedThreeDGridScan MinimalGrid() => HyperionParameters.Load<SpecifiedThreeDGridScan>("""
        {
            "sample_id": 123,
            "x_start_um": 0.123,
            "y_starts_um": [0.777, 2],
            "z_starts_um": [0.05, 2],
            "parameter_model_version": "6.0.0",
            "visit": "cm12345",
            "file_name": "test_file_name",
            "x_steps": 5,
            "y_steps": [7, 9],
            "storage_directory": "/tmp/dls/i03/data/2024/cm31105-4/xraycentring/123456/"
        }
        """);

    [Fact]
    public void Minimal_grid_takes_the_grid_defaults()
    {
        var grid = MinimalGrid();
        Assert.Equal(GridscanParamConstants.ExposureTimeS, grid.ExposureTimeS);
        Assert.Equal(20, grid.XStepSizeUm);
        Assert.Equal([20.0, 20.0], grid.YStepSizesUm);
        Assert.Equal([0, 90], grid.OmegaStartsDeg);
        Assert.Equal("/tmp/dls/i03/data/2024/cm31105-4/xraycentring/123456/snapshots", grid.SnapshotDirectory);
        Assert.Equal("BL03I", grid.Beamline);
        Assert.True(grid.UseRoiMode);
    }

    [Fact]
    public void Grid_image_counts_and_first_indices_follow_the_steps()
    {
        var grid = MinimalGrid();
        Assert.Equal(2, grid.NumGrids);
        Assert.Equal(5 * 7 + 5 * 9, grid.NumImages);
        Assert.Equal([0, 35], grid.ScanIndices);
        Assert.Equal([35, 45], grid.ScanPoints.Select(p => p.Count));
    }

    [Fact]
    public void Grid_rows_snake_along_x_with_y_then_z_fixed_per_grid()
    {
        var points = MinimalGrid().ScanPoints;
        var first = points[0];
        Assert.Equal(0.123, first.SamX[0], 12);
        Assert.Equal(0.123 + (20 * 4), first.SamX[4], 12);
        Assert.Equal(0.123 + (20 * 4), first.SamX[5], 12); // the second row starts where the first ended
        Assert.Equal(0.123, first.SamX[9], 12);
        Assert.Equal(0.777, first.SamY[0], 12);
        Assert.Equal(0.777 + 20, first.SamY[5], 12);
        Assert.All(first.SamZ, z => Assert.Equal(0.05, z));
        Assert.All(points[1].SamZ, z => Assert.Equal(2, z));
        Assert.Equal(2 + (20 * 8), points[1].SamY[^1], 12);
    }

    [Fact]
    public void Zebra_grid_settings_are_in_mm_with_the_dwell_in_ms()
    {
        var fgs = MinimalGrid().FastGridscanParams;
        Assert.Equal((5, 7, 9), (fgs.XSteps, fgs.YSteps, fgs.ZSteps));
        Assert.Equal(0.02, fgs.XStepSizeMm, 12);
        Assert.Equal(0.000123, fgs.XStartMm, 12);
        Assert.Equal(0.000777, fgs.Y1StartMm, 12);
        Assert.Equal(0.002, fgs.Y2StartMm, 12);
        Assert.Equal(0.00005, fgs.Z1StartMm, 12);
        Assert.Equal(4, fgs.DwellTimeMs, 9);
        Assert.Equal(0.1, fgs.TransmissionFraction);
        Assert.Equal(80, fgs.ExpectedImages);
        Assert.False(fgs.SetStubOffsets);
    }

    [Fact]
    public void A_panda_grid_scan_needs_an_even_first_grid()
    {
        var grid = MinimalGrid();
        var e = Assert.Throws<OddYStepsException>(() => grid.CreatePandAGridScanParams());
        Assert.Equal(7, e.YSteps);
        var even = grid with { YSteps = [8, 9] };
        Assert.Equal(HardwareConstants.PandaFgsRunUpDefault, even.CreatePandAGridScanParams().RunUpDistanceMm);
    }

    [Theory]
    [InlineData(4.0, true)]
    [InlineData(100.00000000000001, true)]
    [InlineData(1.5, false)]
    [InlineData(99.9, false)]
    public void Dwell_time_must_be_whole_milliseconds(double dwellMs, bool whole) =>
        Assert.Equal(whole, ZebraGridScanParamsThreeD.IsIntegerDwellTime(dwellMs));

    [Fact]
    public void Grid_detector_settings_take_one_image_per_trigger_for_every_grid_image()
    {
        var grid = MinimalGrid() with { DetectorDistanceMm = 100, RunNumber = 3 };
        var detector = grid.DetectorParams;
        Assert.Equal((1, 80), (detector.NumImagesPerTrigger, detector.NumTriggers));
        Assert.Equal(80, detector.FullNumberOfImages);
        Assert.Equal("/tmp/dls/i03/data/2024/cm31105-4/xraycentring/123456/", detector.Directory);
        Assert.Equal("test_file_name", detector.Prefix);
        Assert.Equal(3, detector.OverrideRunNumber);
        Assert.True(detector.UseRoiMode);
        Assert.Equal(TriggerMode.FreeRun, detector.TriggerMode);
        Assert.Equal("/dls_sw/i03/software/daq_configuration/lookup/DetDistToBeamXYConverter.txt", detector.DetDistToBeamConverterPath);
        Assert.Equal(new DetectorSize(2068, 2162), detector.DetectorSizePixels);
    }

    [Fact]
    public void Detector_settings_need_a_distance()
    {
        Assert.Throws<InvalidOperationException>(() => MinimalGrid().DetectorParams);
    }

    [Fact]
    public void Run_number_zero_is_not_passed_on_and_the_next_free_run_is_found()
    {
        var detector = (MinimalGrid() with { DetectorDistanceMm = 100, RunNumber = 0 }).DetectorParams;
        Assert.Null(detector.OverrideRunNumber);
        Assert.Equal(1, detector.RunNumber([]));
        Assert.Equal(5, detector.RunNumber(["test_file_name_1.nxs", "test_file_name_4.nxs", "other_9.nxs", "test_file_name_7.h5"]));
        Assert.Equal("test_file_name_5", detector.FullFilename(5));
    }

    [Fact]
    public void Single_rotation_images_and_angles_follow_width_and_increment()
    {
        var scan = HyperionParameters.Load<SingleRotationScan>(ReferencePaths.ReadParams("good_test_rotation_scan_parameters.json"));
        Assert.Equal(1800, scan.NumImages);
        Assert.Equal(1800, scan.ScanPoints.Count);
        Assert.Equal(0, scan.ScanPoints[0], 12);
        Assert.Equal(0.1, scan.ScanPoints[1], 12);
        Assert.Equal(179.9, scan.ScanPoints[^1], 9);
        var detector = scan.DetectorParams;
        Assert.Equal((1800, 1, 0.1, 0.0), (detector.NumImagesPerTrigger, detector.NumTriggers, detector.OmegaIncrement, detector.OmegaStart));
        Assert.False(detector.UseRoiMode);
        Assert.Equal(100, detector.ExpectedEnergyEv);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.05)]
    [InlineData(0.2)]
    [InlineData(0.75)]
    [InlineData(1.43)]
    public void The_increment_sets_the_number_of_images(double increment)
    {
        var scan = HyperionParameters.Load<SingleRotationScan>(ReferencePaths.ReadParams("good_test_rotation_scan_parameters.json"))
            with
        { RotationIncrementDeg = increment };
        Assert.Equal((int)(180.0 / increment), scan.NumImages);
    }

    [Fact]
    public void Multi_rotation_arms_once_with_a_trigger_per_sweep()
    {
        var scan = HyperionParameters.Load<RotationScan>(ReferencePaths.ReadParams("good_test_multi_rotation_scan_parameters.json"))
            with
        { DetectorDistanceMm = 250 };
        var detector = scan.DetectorParams;
        Assert.Equal((1800, 3, 0.0), (detector.NumImagesPerTrigger, detector.NumTriggers, detector.OmegaStart));
    }

    [Fact]
    public void Each_sweep_becomes_a_single_rotation_with_the_shared_settings()
    {
        var scan = HyperionParameters.Load<RotationScan>(ReferencePaths.ReadParams("good_test_multi_rotation_scan_parameters.json"));
        var singles = scan.SingleRotationScans;
        Assert.Equal(3, singles.Count);
        Assert.Equal([0.0, 180.0, 270.0], singles.Select(s => s.OmegaStartDeg));
        Assert.Equal([23.85, 4.7, 45.0], singles.Select(s => s.ChiStartDeg!.Value));
        Assert.Equal([0, 1800, 3600], singles.Select(s => s.NexusVdsStartImg));
        Assert.All(singles, s =>
        {
            Assert.Equal(scan.Visit, s.Visit);
            Assert.Equal(0.1, s.ExposureTimeS);
            Assert.Equal(123456, s.SampleId);
            Assert.Equal(scan.SnapshotDirectory, s.SnapshotDirectory);
            Assert.Equal(1800, s.NumImages);
        });
    }

    [Fact]
    public void A_model_dumps_to_json_and_loads_back_equal()
    {
        var grid = MinimalGrid();
        var json = grid.ToJson();
        Assert.Equal("cm12345", json["visit"]!.GetValue<string>());
        Assert.Null(json["demand_energy_ev"]);
        Assert.False(json.ContainsKey("num_images"));
        Assert.Equal("Mesh3D", json["ispyb_experiment_type"]!.GetValue<string>());
        Assert.Equal("SMALL_APERTURE", json["selected_aperture"]!.GetValue<string>());
        Assert.Equal(2, json["trigger_mode"]!.GetValue<int>());
        var back = HyperionParameters.Load<SpecifiedThreeDGridScan>(json);
        Assert.Equal(json.ToJsonString(), back.ToJson().ToJsonString());
    }
}
