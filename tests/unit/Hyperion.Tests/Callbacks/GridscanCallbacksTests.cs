using System.Text.Json.Nodes;
using Hyperion.Cli.Callbacks;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Tests.Parameters;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.FakeZocalo.Service;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.Cli.Tests.Callbacks;

public sealed class GridscanCallbacksTests
{
    private static string GridParametersJson(string directory)
    {
        var json = JsonNode.Parse(ReferencePaths.ReadParams("good_test_grid_with_edge_detect_parameters.json"))!.AsObject();
        json["storage_directory"] = directory;
        json["file_name"] = "grid";
        json["run_number"] = 3;
        return json.ToJsonString();
    }

    private static Dictionary<string, object?> Snapshot(double omega, int boxesX, int boxesY) => new()
    {
        ["oav-grid_snapshot-num_boxes_x"] = boxesX,
        ["oav-grid_snapshot-num_boxes_y"] = boxesY,
        ["oav-grid_snapshot-box_width"] = 7.0,
        ["oav-grid_snapshot-top_left_x"] = 100.0,
        ["oav-grid_snapshot-top_left_y"] = 50.0,
        ["oav-grid_snapshot-last_path_full_overlay"] = "/snaps/overlay.png",
        ["oav-grid_snapshot-last_path_outer"] = "/snaps/outer.png",
        ["oav-grid_snapshot-last_saved_path"] = "/snaps/grid.png",
        ["oav-microns_per_pixel_x"] = 2.87,
        ["oav-microns_per_pixel_y"] = 2.87,
        ["smargon-omega"] = omega,
        ["smargon-chi"] = 0.0,
    };

    private static (Docs Docs, string Outer, string Fgs) RunGridDetectAndScan(HyperionCallbacks callbacks, string parametersJson, string outerReason = "", string outerStatus = "success")
    {
        var docs = new Docs(callbacks.Callback);
        var outer = docs.Start(new()
        {
            ["subplan_name"] = PlanNames.GridDetectAndDoGridscan,
            ["activate_callbacks"] = new List<string> { CallbackNames.GridscanIspyb, CallbackNames.GridscanNexus, CallbackNames.Zocalo },
            ["mx_bluesky_parameters"] = parametersJson,
        });
        docs.Event(outer, DescriptorNames.OavGridSnapshotTriggered, Snapshot(90, 5, 3));
        docs.Event(outer, DescriptorNames.OavGridSnapshotTriggered, Snapshot(0, 5, 4));
        docs.Event(outer, DescriptorNames.HardwareReadPre, new()
        {
            ["undulator-current_gap"] = 1.1,
            ["synchrotron-synchrotron_mode"] = "User",
            ["s4_slit_gaps-xgap"] = 0.05,
            ["s4_slit_gaps-ygap"] = 0.06,
            ["smargon-x"] = 0.1,
            ["smargon-y"] = 0.2,
            ["smargon-z"] = 0.3,
            ["dcm-energy_in_keV"] = 12.39842,
        });
        docs.Event(outer, DescriptorNames.HardwareReadDuring, new()
        {
            ["aperture_scatterguard-selected_aperture"] = "SMALL_APERTURE",
            ["attenuator-actual_transmission"] = 0.5,
            ["flux-flux_reading"] = 1e12,
            ["dcm-energy_in_keV"] = 12.39842,
            ["eiger-bit_depth"] = 16,
            ["eiger-cam-roi_mode"] = 0,
        });
        var fgs = docs.Start(new()
        {
            ["subplan_name"] = PlanNames.DoFgs,
            ["omega_to_scan_spec"] = new Dictionary<string, object?>
            {
                ["0"] = new Dictionary<string, object?> { ["sam_x"] = Enumerable.Repeat(0.0, 20).ToList() },
                ["90"] = new Dictionary<string, object?> { ["sam_x"] = Enumerable.Repeat(0.0, 15).ToList() },
            },
        });
        docs.Event(fgs, DescriptorNames.ZocaloHwRead, new() { ["eiger-odin-file_writer-id"] = "grid_3" });
        docs.Stop(fgs);
        docs.Stop(outer, outerStatus, outerReason);
        return (docs, outer, fgs);
    }

    [Fact]
    public async Task A_grid_detect_and_scan_deposits_two_grids_the_fake_zocalo_can_find_and_triggers_zocalo_per_grid()
    {
        await using var store = await SqliteIspybStore.OpenInMemoryAsync();
        var zocalo = new RecordingZocaloTransport();
        var directory = Path.Combine(Path.GetTempPath(), "cb2-grid-" + Guid.NewGuid().ToString("N"));
        await using var callbacks = HyperionCallbacks.Create(store, zocalo, "dev_artemis", NullLoggerFactory.Instance, new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));

        RunGridDetectAndScan(callbacks, GridParametersJson(directory));
        await callbacks.DrainAsync(CancellationToken.None);

        var ids = callbacks.Gridscan.Ids;
        Assert.Equal(2, ids.DataCollectionIds.Count);
        var catalog = new IspybCollectionCatalog(store);
        var records = await catalog.GroupCollectionsAsync(ids.DataCollectionGroupId!.Value);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(directory + "/", r.ImageDirectory));
        Assert.Equal([20, 15], records.Select(r => r.NumberOfImages));
        Assert.Equal(new GridLayout(ids.DataCollectionIds[0], 5, 4, GridOrientation.Horizontal, true), records[0].Grid);
        Assert.Equal(new GridLayout(ids.DataCollectionIds[1], 5, 3, GridOrientation.Horizontal, true), records[1].Grid);

        var first = (await store.GetDataCollectionAsync(ids.DataCollectionIds[0], default))!;
        var second = (await store.GetDataCollectionAsync(ids.DataCollectionIds[1], default))!;
        Assert.Equal("grid_3_master.h5", first.FileTemplate);
        Assert.Equal("grid_4_master.h5", second.FileTemplate);
        Assert.Equal("grid", first.ImagePrefix);
        Assert.Equal(RunStatus.Successful, first.RunStatus);
        Assert.Equal(RunStatus.Successful, second.RunStatus);
        Assert.Equal(1.0, first.Wavelength!.Value, 4);
        Assert.Equal(50, first.Transmission!.Value, 6);
        Assert.Equal("FULL", first.DetectorMode);
        Assert.Equal("User", first.SynchrotronMode);
        Assert.StartsWith("MX-Bluesky: Xray centring 1 -", first.Comments, StringComparison.Ordinal);
        Assert.Contains("Diffraction grid scan of 5 by 4 images in 20.1 um by 20.1 um steps.", first.Comments, StringComparison.Ordinal);
        Assert.Contains("Aperture: SMALL_APERTURE.", first.Comments, StringComparison.Ordinal);
        // As mx-bluesky: the grid callback does not record the hardware read's position.
        Assert.Null(await store.GetPositionAsync(ids.DataCollectionIds[0], default));
        var group = (await store.GetDataCollectionGroupAsync(ids.DataCollectionGroupId.Value, default))!;
        Assert.Equal("Mesh3D", group.ExperimentType);
        Assert.StartsWith("Diffraction grid scan of 5 by 4 by 3.", group.Comments, StringComparison.Ordinal);
        Assert.Contains("Zocalo processing took", group.Comments, StringComparison.Ordinal);

        var messages = zocalo.Messages;
        Assert.Equal(4, messages.Count);
        Assert.Equal(["start", "start", "end", "end"], messages.Select(m => m["event"]?.ToString()));
        Assert.Equal([(object?)(int)ids.DataCollectionIds[0], (int)ids.DataCollectionIds[1]], messages.Take(2).Select(m => m["ispyb_dcid"]));
        Assert.Equal([(object?)0, 20], messages.Take(2).Select(m => m["start_frame_index"]));
        Assert.Equal([(object?)20, 15], messages.Take(2).Select(m => m["number_of_frames"]));
        Assert.All(messages.Take(2), m => Assert.Equal("grid_3", m["filename"]));
    }

    [Fact]
    public async Task A_sample_error_ends_the_grids_unsuccessfully_with_its_message_as_reason_and_group_comment()
    {
        await using var store = await SqliteIspybStore.OpenInMemoryAsync();
        await using var callbacks = HyperionCallbacks.Create(store, new RecordingZocaloTransport(), "dev", NullLoggerFactory.Instance, TimeProvider.System);
        RunGridDetectAndScan(callbacks, GridParametersJson(Path.GetTempPath()), "[CrystalNotFoundException]: No diffraction found", "fail");
        await callbacks.DrainAsync(CancellationToken.None);

        var ids = callbacks.Gridscan.Ids;
        var first = (await store.GetDataCollectionAsync(ids.DataCollectionIds[0], default))!;
        Assert.Equal(RunStatus.Unsuccessful, first.RunStatus);
        Assert.EndsWith("DataCollection Unsuccessful reason: No diffraction found", first.Comments, StringComparison.Ordinal);
        Assert.Equal("No diffraction found", (await store.GetDataCollectionGroupAsync(ids.DataCollectionGroupId!.Value, default))!.Comments);
    }

    [Fact]
    public async Task Missing_parameters_metadata_fails_with_an_error_naming_the_run_and_field()
    {
        await using var store = await SqliteIspybStore.OpenInMemoryAsync();
        await using var callbacks = HyperionCallbacks.Create(store, new RecordingZocaloTransport(), "dev", NullLoggerFactory.Instance, TimeProvider.System);
        var docs = new Docs(callbacks.Callback);
        var run = docs.Start(new() { ["subplan_name"] = PlanNames.GridDetectAndDoGridscan, ["activate_callbacks"] = new List<string> { CallbackNames.GridscanIspyb } });

        var error = await Assert.ThrowsAsync<CallbackFailuresException>(() => callbacks.DrainAsync(CancellationToken.None));
        var parameters = Assert.IsType<CallbackParametersException>(error.Failures[0].InnerException);
        Assert.Equal(run, parameters.RunUid);
        Assert.Equal("mx_bluesky_parameters", parameters.Field);
    }

    [Fact]
    public async Task Invalid_parameters_metadata_fails_with_an_error_naming_the_run_and_field()
    {
        await using var store = await SqliteIspybStore.OpenInMemoryAsync();
        await using var callbacks = HyperionCallbacks.Create(store, new RecordingZocaloTransport(), "dev", NullLoggerFactory.Instance, TimeProvider.System);
        var docs = new Docs(callbacks.Callback);
        var run = docs.Start(new()
        {
            ["subplan_name"] = PlanNames.GridDetectAndDoGridscan,
            ["activate_callbacks"] = new List<string> { CallbackNames.GridscanIspyb },
            ["mx_bluesky_parameters"] = "{\"visit\": 5}",
        });

        var error = await Assert.ThrowsAsync<CallbackFailuresException>(() => callbacks.DrainAsync(CancellationToken.None));
        var parameters = Assert.IsType<CallbackParametersException>(error.Failures[0].InnerException);
        Assert.Equal(run, parameters.RunUid);
        Assert.Contains("GridScanWithEdgeDetect", parameters.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(180.5, "0")]
    [InlineData(-90, "90")]
    [InlineData(270.9, "90")]
    public void Omega_names_the_grid_plane_within_a_degree(double omega, string plane) =>
        Assert.Equal(plane, Hyperion.Cli.Callbacks.Ispyb.GridscanIspybCallback.GridPlane(omega));

    [Fact]
    public void Omega_off_a_compass_point_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Hyperion.Cli.Callbacks.Ispyb.GridscanIspybCallback.GridPlane(45));
}
