using System.Text.Json.Nodes;
using Hyperion.Cli.Callbacks;
using Hyperion.Cli.Callbacks.Nexus;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Parameters;
using Hyperion.Cli.Tests.Experiments;
using Hyperion.Cli.Tests.Experiments.XrayCentre;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Nxmx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.Cli.Tests.Callbacks;

public sealed class NexusCallbacksTests
{
    private const double EnergyKev = 12.39842;
    private static readonly (double X, double Y) BeamCentre = (1034.5, 1081.25);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    private static Dictionary<string, object?> DuringCollection(int bitDepth = 16) => new()
    {
        ["aperture_scatterguard-selected_aperture"] = "SMALL_APERTURE",
        ["attenuator-actual_transmission"] = 0.25,
        ["flux-flux_reading"] = 3e12,
        ["dcm-energy_in_keV"] = EnergyKev,
        ["eiger-bit_depth"] = bitDepth,
        ["eiger-cam-roi_mode"] = 0,
    };

    private static SpecifiedThreeDGridScan Grid() => XrcTestData.Specified(json =>
    {
        json["x_steps"] = 3;
        json["y_steps"] = new JsonArray(2, 1);
        json["run_number"] = 5;
        json["file_name"] = "grid";
    });

    private static (DocumentQueue Queue, Docs Docs) Queue(PlanReactiveCallback callback)
    {
        var queue = new DocumentQueue([callback], NullLogger.Instance);
        return (queue, new Docs(queue.Callback));
    }

    [Fact]
    public async Task A_grid_scan_writes_a_master_per_grid_the_second_reading_the_frames_after_the_first_grids()
    {
        var parameters = Grid();
        var directory = parameters.DetectorParams.Directory;
        var callback = new GridscanNexusFileCallback(Clock, _ => BeamCentre, NullLogger.Instance);
        var (queue, docs) = Queue(callback);
        await using (queue)
        {
            var run = docs.Start(new()
            {
                ["subplan_name"] = PlanNames.GridscanOuter,
                ["mx_bluesky_parameters"] = parameters.ToJson().ToJsonString(),
                ["activate_callbacks"] = CommonFlyscanXrayCentrePlanCallbacks(),
            });
            docs.Event(run, DescriptorNames.HardwareReadDuring, DuringCollection());
            docs.Stop(run);
            await queue.DrainAsync(CancellationToken.None);
        }

        Assert.Equal(["grid_5.nxs", "grid_5_master.h5", "grid_6.nxs", "grid_6_master.h5"], callback.WrittenFiles.Select(Path.GetFileName));
        Assert.Empty(callback.Writers);
        var detector = parameters.DetectorParams.DetectorSizePixels;
        WriteDataFiles(directory, "grid_5", (int)detector.Width, (int)detector.Height, frames: 9);

        var points = parameters.ScanPoints;
        using (var first = NxmxFile.Open(Path.Combine(directory, "grid_5.nxs")))
        {
            Assert.Equal(6, first.ImageCount);
            Assert.Equal(0, first.FirstDataFrame);
            Assert.All(first.Scan.Omega, o => Assert.Equal(0, o));
            Assert.Equal(0, first.Scan.OmegaIncrement);
            Assert.Equal(points[0].SamX.Select(x => x / 1000), first.Scan.SamX);
            Assert.Equal(points[0].SamY.Select(y => y / 1000), first.Scan.SamY);
            Assert.Equal(1u, first.ReadFrame(0)[0]);
            AssertBeamlineReadings(first, (int)detector.Width, (int)detector.Height, exposure: 0.004);
        }

        using var second = NxmxFile.Open(Path.Combine(directory, "grid_6_master.h5"));
        Assert.Equal(3, second.ImageCount);
        Assert.Equal(6, second.FirstDataFrame);
        Assert.Equal(["/entry/data/data_000001"], second.DataFiles.Select(f => f.LinkPath));
        Assert.All(second.Scan.Omega, o => Assert.Equal(90, o));
        Assert.Equal(points[1].SamZ.Select(z => z / 1000), second.Scan.SamZ);
        Assert.Equal([7u, 8u, 9u], Enumerable.Range(0, 3).Select(i => second.ReadFrame(i)[0]));
        AssertBeamlineReadings(second, (int)detector.Width, (int)detector.Height, exposure: 0.004);
    }

    [Fact]
    public async Task A_rotation_sweep_writes_a_master_whose_omega_steps_match_the_scan()
    {
        var parameters = PlanTestData.SingleRotation(json =>
        {
            json["scan_width_deg"] = 1.0;
            json["omega_start_deg"] = 30.0;
        });
        var callback = new RotationNexusFileCallback(Clock, _ => BeamCentre, NullLogger.Instance);
        var (queue, docs) = Queue(callback);
        await using (queue)
        {
            RunRotation(docs, [parameters], metaDataRunNumber: 1);
            await queue.DrainAsync(CancellationToken.None);
        }

        var directory = parameters.DetectorParams.Directory;
        Assert.Equal(["file_name_1.nxs", "file_name_1_master.h5"], callback.WrittenFiles.Select(Path.GetFileName));
        Assert.Null(callback.Writer);
        var detector = parameters.DetectorParams.DetectorSizePixels;
        WriteDataFiles(directory, "file_name_1", (int)detector.Width, (int)detector.Height, frames: 10);

        using var master = NxmxFile.Open(Path.Combine(directory, "file_name_1.nxs"));
        Assert.Equal(10, master.ImageCount);
        Assert.Equal(0, master.FirstDataFrame);
        Assert.Equal(0.1, master.Scan.OmegaIncrement, 12);
        Assert.Equal(parameters.ScanPoints, master.Scan.Omega);
        Assert.Equal(30, master.Scan.Omega[0], 9);
        Assert.Equal(30.9, master.Scan.Omega[^1], 9);
        Assert.Equal(GoniometerGeometry.I03.OmegaAxis, master.Goniometer.OmegaAxis);
        Assert.Equal(["/entry/data/data_000001"], master.DataFiles.Select(f => f.LinkPath));
        AssertBeamlineReadings(master, (int)detector.Width, (int)detector.Height, exposure: 0.1);
    }

    [Fact]
    public async Task A_later_sweep_of_one_arming_reads_its_frames_from_its_start_in_the_shared_data_files()
    {
        var directory = PlanTestData.NewDirectory();
        SingleRotationScan Sweep(double omega, int firstImage) => HyperionParameters.Load<SingleRotationScan>(Edit(PlanTestData.RotationJson(directory), json =>
        {
            json["scan_width_deg"] = 0.5;
            json["omega_start_deg"] = omega;
            json["nexus_vds_start_img"] = firstImage;
        }));
        var sweeps = new[] { Sweep(0, 0), Sweep(90, 5) };
        var callback = new RotationNexusFileCallback(Clock, _ => BeamCentre, NullLogger.Instance);
        var (queue, docs) = Queue(callback);
        await using (queue)
        {
            RunRotation(docs, sweeps, metaDataRunNumber: 1);
            await queue.DrainAsync(CancellationToken.None);
        }

        // Each sweep takes the next free run number; both link the arming's data files, file_name_1_NNNNNN.h5.
        Assert.Equal(["file_name_1.nxs", "file_name_1_master.h5", "file_name_2.nxs", "file_name_2_master.h5"], callback.WrittenFiles.Select(Path.GetFileName));
        var detector = sweeps[0].DetectorParams.DetectorSizePixels;
        WriteDataFiles(sweeps[0].DetectorParams.Directory, "file_name_1", (int)detector.Width, (int)detector.Height, frames: 10);

        using var second = NxmxFile.Open(Path.Combine(sweeps[1].DetectorParams.Directory, "file_name_2.nxs"));
        Assert.Equal(5, second.ImageCount);
        Assert.Equal(5, second.FirstDataFrame);
        Assert.Equal(90, second.Scan.Omega[0], 9);
        Assert.Equal(6u, second.ReadFrame(0)[0]);
    }

    [Fact]
    public async Task A_run_that_does_not_name_the_callback_writes_no_master()
    {
        var parameters = Grid();
        var callback = new GridscanNexusFileCallback(Clock, _ => BeamCentre, NullLogger.Instance);
        var (queue, docs) = Queue(callback);
        await using (queue)
        {
            var run = docs.Start(new()
            {
                ["subplan_name"] = PlanNames.GridscanOuter,
                ["mx_bluesky_parameters"] = parameters.ToJson().ToJsonString(),
                ["activate_callbacks"] = new List<string> { CallbackNames.GridscanIspyb },
            });
            docs.Event(run, DescriptorNames.HardwareReadDuring, DuringCollection());
            docs.Stop(run);
            await queue.DrainAsync(CancellationToken.None);
        }

        Assert.False(callback.Active);
        Assert.Empty(callback.WrittenFiles);
        Assert.Empty(Directory.EnumerateFiles(parameters.DetectorParams.Directory));
    }

    [Fact]
    public async Task A_hardware_read_without_an_energy_fails_with_an_error_naming_the_run()
    {
        var parameters = PlanTestData.SingleRotation(json => json["scan_width_deg"] = 0.2);
        var callback = new RotationNexusFileCallback(Clock, _ => BeamCentre, NullLogger.Instance);
        var (queue, docs) = Queue(callback);
        await using (queue)
        {
            var reading = DuringCollection();
            reading["dcm-energy_in_keV"] = 0.0;
            RunRotation(docs, [parameters], metaDataRunNumber: 1, reading);
            var error = await Assert.ThrowsAsync<CallbackFailuresException>(() => queue.DrainAsync(CancellationToken.None));
            Assert.IsType<NexusCallbackException>(error.Failures[0].InnerException);
        }

        Assert.Empty(callback.WrittenFiles);
    }

    [Fact]
    public async Task The_default_callbacks_write_a_rotations_master_with_the_bundled_beam_centre_table()
    {
        var parameters = PlanTestData.SingleRotation(json => json["scan_width_deg"] = 0.3);
        await using var store = await SqliteIspybStore.OpenInMemoryAsync();
        await using var callbacks = HyperionCallbacks.Create(store, new RecordingZocaloTransport(), "dev", NullLoggerFactory.Instance, Clock);
        RunRotation(new Docs(callbacks.Callback), [parameters], metaDataRunNumber: 1);
        await callbacks.DrainAsync(CancellationToken.None);

        Assert.Equal(["file_name_1.nxs", "file_name_1_master.h5"], callbacks.RotationNexus.WrittenFiles.Select(Path.GetFileName));
        var writer = NexusWriters.ForRotation(parameters, 1, null, null, NexusWriters.BeamCentreFrom(Hyperion.Devices.Beamlines.BeamlineConfiguration.Bundled()));
        Assert.True(writer.Detector.BeamCentreFast > 0 && writer.Detector.BeamCentreSlow > 0);
        Assert.Equal("file_name_1_master.h5", (await store.GetDataCollectionAsync(Assert.Single(callbacks.Rotation.Ids.DataCollectionIds), default))!.FileTemplate);
    }

    private static List<string> CommonFlyscanXrayCentrePlanCallbacks() => [.. Hyperion.Cli.Experiments.XrayCentre.CommonFlyscanXrayCentrePlan.ActivatedCallbacks];

    private static JsonObject Edit(JsonObject json, Action<JsonObject> edit)
    {
        edit(json);
        return json;
    }

    // The documents a rotation plan emits (see RotationScanPlan): the outer run, then per sweep its run with the
    // parameters and, inside, rotation_scan_main holding the hardware reads.
    private static void RunRotation(Docs docs, IReadOnlyList<SingleRotationScan> sweeps, int metaDataRunNumber, Dictionary<string, object?>? reading = null)
    {
        var outer = docs.Start(new()
        {
            ["subplan_name"] = PlanNames.RotationMulti,
            ["full_num_of_images"] = sweeps.Sum(s => s.NumImages),
            ["meta_data_run_number"] = metaDataRunNumber,
            ["activate_callbacks"] = Hyperion.Cli.Experiments.Rotation.RotationScanPlan.ActivatedCallbacks.ToList(),
        });
        foreach (var sweep in sweeps)
        {
            var sweepRun = docs.Start(new()
            {
                ["subplan_name"] = PlanNames.RotationOuter,
                ["mx_bluesky_parameters"] = sweep.ToJson().ToJsonString(),
            });
            var main = docs.Start(new()
            {
                ["subplan_name"] = PlanNames.RotationMain,
                ["scan_points"] = new List<object?> { sweep.ScanPoints.Cast<object?>().ToList() },
            });
            docs.Event(main, DescriptorNames.ZocaloHwRead, new() { ["eiger-odin-file_writer-id"] = $"file_name_{metaDataRunNumber}" });
            docs.Event(main, DescriptorNames.HardwareReadPre, new()
            {
                ["undulator-current_gap"] = 1.1,
                ["synchrotron-synchrotron_mode"] = "User",
                ["s4_slit_gaps-xgap"] = 0.05,
                ["s4_slit_gaps-ygap"] = 0.06,
                ["smargon-x"] = 0.1,
                ["smargon-y"] = 0.2,
                ["smargon-z"] = 0.3,
                ["dcm-energy_in_keV"] = EnergyKev,
            });
            docs.Event(main, DescriptorNames.HardwareReadDuring, reading ?? DuringCollection());
            docs.Stop(main);
            docs.Stop(sweepRun);
        }

        docs.Stop(outer);
    }

    private static void AssertBeamlineReadings(NxmxFile master, int width, int height, double exposure)
    {
        Assert.Equal((width, height), (master.Detector.Width, master.Detector.Height));
        Assert.Equal(BeamCentre.X, master.Detector.BeamCentreFast, 6);
        Assert.Equal(BeamCentre.Y, master.Detector.BeamCentreSlow, 6);
        Assert.Equal(100, master.Detector.DistanceMm, 6);
        Assert.Equal(1.0, master.Beam.WavelengthAngstrom, 6);
        Assert.Equal(3e12, master.Beam.FluxPhotonsPerSecond);
        Assert.Equal(exposure, master.ExposureTimeSeconds, 9);
        Assert.Equal(PixelType.UInt16, master.PixelType);
    }

    // Odin's data files for an arming: frame k (0-based) carries k + 1 in its first pixel, so a frame read through a
    // master shows which frame of the data files it is.
    private static void WriteDataFiles(string directory, string stem, int width, int height, int frames)
    {
        var frame = new ushort[width * height];
        using var series = new DataFileSeriesWriter(directory, stem, width, height, new DataFileOptions { PixelType = PixelType.UInt16 });
        for (var i = 0; i < frames; i++)
        {
            frame[0] = (ushort)(i + 1);
            series.WriteFrame(frame);
        }
    }
}
