using Hyperion.Cli.Callbacks;
using Hyperion.Cli.Callbacks.SampleHandling;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Engine.Running;
using Hyperion.FakeZocalo.Ispyb;
using Microsoft.Extensions.Logging.Abstractions;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;

namespace Hyperion.Cli.Tests.Callbacks;

public sealed class RotationAndSampleCallbacksTests
{
    [Fact]
    public async Task A_rotation_run_on_the_run_engine_deposits_its_collection_and_triggers_zocalo()
    {
        var devices = await HyperionDevices.CreateMockAsync();
        await Hyperion.Cli.Tests.Experiments.MockBeamlineBehaviour.InstallAsync(devices);
        devices.Dcm.EnergyInKeV.UserReadback.Mock!.SetValue(12.39842);
        var parameters = SingleRotation(json =>
        {
            json["scan_width_deg"] = 1.0;
            json["exposure_time_s"] = 0.01;
            json.Remove("snapshot_omegas_deg");
            json["use_grid_snapshots"] = true;
        });
        await using var store = await SqliteIspybStore.OpenInMemoryAsync();
        var zocalo = new RecordingZocaloTransport();
        await using var callbacks = HyperionCallbacks.Create(store, zocalo, "dev", NullLoggerFactory.Instance, TimeProvider.System);
        using var engine = new RunEngine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var result = await engine.RunAsync(RotationScanPlan.Run(devices, parameters), [callbacks.Callback], cancellationToken: timeout.Token);
        await callbacks.DrainAsync(timeout.Token);

        Assert.Equal("success", result.ExitStatus);
        var dcid = Assert.Single(callbacks.Rotation.Ids.DataCollectionIds);
        var row = (await store.GetDataCollectionAsync(dcid, default))!;
        Assert.Equal(10, row.NumberOfImages);
        Assert.Equal(RunStatus.Successful, row.RunStatus);
        Assert.Equal(1.0, row.Wavelength!.Value, 4);
        Assert.Equal(-1.0, row.AxisEnd!.Value, 6);
        Assert.Equal("file_name_1_master.h5", row.FileTemplate);
        var beam = Hyperion.Cli.Experiments.Rotation.EigerParameters.ToEigerParams(parameters.DetectorParams, Hyperion.Devices.Beamlines.BeamlineConfiguration.Bundled())
            .GetBeamPositionMm(parameters.DetectorParams.DetectorDistance);
        Assert.True(beam.X > 0 && beam.Y > 0);
        Assert.Equal((beam.X, beam.Y), (row.XBeam!.Value, row.YBeam!.Value));
        Assert.Contains("Sample position (µm): (1, 2, 3)", row.Comments, StringComparison.Ordinal);
        Assert.Equal(123456, (await store.GetDataCollectionGroupAsync(callbacks.Rotation.Ids.DataCollectionGroupId!.Value, default))!.BlSampleId);
        Assert.Equal(["start", "end"], zocalo.Messages.Select(m => m["event"]?.ToString()));
        Assert.Equal((object?)10, zocalo.Messages[0]["number_of_frames"]);
        Assert.Equal("file_name_1", zocalo.Messages[0]["filename"]);
    }

    [Theory]
    [InlineData("[SampleException]: Pin too long", BLSampleStatus.ErrorSample)]
    [InlineData("[CrystalNotFoundException]: Nothing", BLSampleStatus.ErrorSample)]
    [InlineData("[BeamlineStateException]: Shutter stuck", BLSampleStatus.ErrorBeamline)]
    [InlineData("plain failure", BLSampleStatus.ErrorBeamline)]
    public async Task A_failed_run_sets_the_samples_status_by_the_kind_of_error(string reason, string status)
    {
        await using var store = await SqliteIspybStore.OpenInMemoryAsync();
        var sampleId = await store.UpsertSampleAsync(new BLSampleRow { BlSampleId = 5, Name = "s" }, default);
        await using var callbacks = HyperionCallbacks.Create(store, new RecordingZocaloTransport(), "dev", NullLoggerFactory.Instance, TimeProvider.System);
        var docs = new Docs(callbacks.Callback);
        var run = docs.Start(new()
        {
            ["activate_callbacks"] = new List<string> { CallbackNames.SampleHandling },
            ["metadata"] = new Dictionary<string, object?> { ["sample_id"] = sampleId, ["visit"] = "cm31105-4" },
        });
        docs.Stop(run, "fail", reason);
        await callbacks.DrainAsync(CancellationToken.None);

        Assert.Equal(status, (await store.GetSampleAsync(sampleId, default))!.BlSampleStatus);
    }

    [Fact]
    public async Task A_successful_run_leaves_the_sample_status_alone()
    {
        await using var store = await SqliteIspybStore.OpenInMemoryAsync();
        var sampleId = await store.UpsertSampleAsync(new BLSampleRow { BlSampleId = 6, Name = "s" }, default);
        await using var callbacks = HyperionCallbacks.Create(store, new RecordingZocaloTransport(), "dev", NullLoggerFactory.Instance, TimeProvider.System);
        var docs = new Docs(callbacks.Callback);
        var run = docs.Start(new() { ["activate_callbacks"] = new List<string> { CallbackNames.SampleHandling }, ["metadata"] = new Dictionary<string, object?> { ["sample_id"] = sampleId } });
        docs.Stop(run);
        await callbacks.DrainAsync(CancellationToken.None);

        Assert.Null((await store.GetSampleAsync(sampleId, default))!.BlSampleStatus);
        Assert.Equal(BLSampleStatus.ErrorSample, SampleHandlingCallback.DecodeSampleStatus("SampleException"));
    }

    [Fact]
    public async Task A_robot_load_records_the_action_its_updates_and_the_loaded_sample()
    {
        await using var store = await SqliteIspybStore.OpenInMemoryAsync();
        var sampleId = await store.UpsertSampleAsync(new BLSampleRow { BlSampleId = 7, Name = "s" }, default);
        await using var callbacks = HyperionCallbacks.Create(store, new RecordingZocaloTransport(), "dev", NullLoggerFactory.Instance, TimeProvider.System);
        var docs = new Docs(callbacks.Callback);
        var run = docs.Start(new()
        {
            ["subplan_name"] = PlanNames.RobotLoad,
            ["activate_callbacks"] = new List<string> { CallbackNames.RobotLoadIspyb },
            ["metadata"] = new Dictionary<string, object?> { ["sample_id"] = sampleId, ["visit"] = "cm31105-4" },
        });
        docs.Event(run, DescriptorNames.RobotUpdate, new()
        {
            ["robot-barcode"] = "BARCODE",
            ["robot-current_pin"] = 3,
            ["robot-current_puck"] = 40,
            ["webcam-last_saved_path"] = "/before.png",
            ["oav-snapshot-last_saved_path"] = "/after.png",
        });
        docs.Stop(run);
        await callbacks.DrainAsync(CancellationToken.None);

        var action = Assert.Single(await store.GetRobotActionsForSampleAsync(sampleId, default));
        Assert.Equal("LOAD", action.ActionType);
        Assert.Equal("BARCODE", action.SampleBarcode);
        Assert.Equal(3, action.ContainerLocation);
        Assert.Equal(40, action.DewarLocation);
        Assert.Equal("/before.png", action.XtalSnapshotBefore);
        Assert.Equal("/after.png", action.XtalSnapshotAfter);
        Assert.Equal("SUCCESS", action.Status);
        Assert.Equal("OK", action.Message);
        Assert.Equal(BLSampleStatus.Loaded, (await store.GetSampleAsync(sampleId, default))!.BlSampleStatus);
    }
}
