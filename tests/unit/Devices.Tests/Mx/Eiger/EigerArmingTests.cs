using Hyperion.Devices.Errors;
using Hyperion.Devices.Mx.Eiger;

namespace Hyperion.Devices.Tests.Mx.Eiger;

public class EigerArmingTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static EigerTimeouts ShortTimeouts => new(Short, Short, Short, Short, TimeSpan.FromSeconds(10));

    // The puts of each arming step, in the order the steps run (puts within a step run together).
    private static readonly string[][] ExpectedSteps =
    [
        ["eiger-odin-file_writer-capture", "eiger-odin-meta-stop_writing"],
        ["eiger-odin-fan-dev_shm_enable"],
        ["eiger-cam-photon_energy"],
        ["eiger-cam-acquire_time", "eiger-cam-acquire_period", "eiger-cam-num_exposures", "eiger-cam-image_mode", "eiger-cam-trigger_mode"],
        ["eiger-odin-file_writer-num_frames_chunks"],
        ["eiger-odin-file_writer-file_path", "eiger-odin-file_writer-file_name"],
        ["eiger-cam-beam_center_x", "eiger-cam-beam_center_y", "eiger-cam-det_distance", "eiger-cam-omega_start", "eiger-cam-omega_incr"],
        ["eiger-cam-num_images", "eiger-cam-num_triggers", "eiger-odin-file_writer-num_capture"],
        ["eiger-odin-file_writer-data_type"],
        ["eiger-odin-file_writer-capture"],
        ["eiger-cam-acquire"],
    ];

    private static void AssertStepOrder(IReadOnlyList<string> puts, string[][] steps)
    {
        var index = 0;
        foreach (var step in steps)
        {
            Assert.True(index + step.Length <= puts.Count, $"expected {string.Join(", ", step)} after put {index}; puts were {string.Join(", ", puts)}");
            Assert.Equal(step.Order(), puts.Skip(index).Take(step.Length).Order());
            index += step.Length;
        }

        Assert.Equal(puts.Count, index);
    }

    [Fact]
    public async Task Do_arm_runs_the_chain_in_dodals_order_and_leaves_the_detector_armed()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create());
        var eiger = ioc.Eiger;

        var status = eiger.DoArm.Set(1);
        Assert.Same(status, eiger.ArmingStatus);
        await status.Task.WaitAsync(Wait);

        AssertStepOrder(ioc.PutNames, ExpectedSteps);
        Assert.True(await eiger.IsArmedAsync());
        Assert.Equal("_finish_arm", eiger.CurrentArmingStep);
        Assert.Equal(0, ioc.Puts.First().Value);
        Assert.Equal(12700.0, ioc.LastPut(eiger.Cam.PhotonEnergy));
        Assert.Equal(0.004, ioc.LastPut(eiger.Cam.AcquireTime));
        Assert.Equal(0.004, ioc.LastPut(eiger.Cam.AcquirePeriod));
        Assert.Equal(1, ioc.LastPut(eiger.Cam.NumExposures));
        Assert.Equal(1, ioc.LastPut(eiger.Cam.ImageMode));
        Assert.Equal(2, ioc.LastPut(eiger.Cam.TriggerMode));
        Assert.Equal(eiger.DetectorParams!.Directory, ioc.LastPut(eiger.Odin.FileWriter.FilePath));
        Assert.EndsWith("/", (string)ioc.LastPut(eiger.Odin.FileWriter.FilePath)!, StringComparison.Ordinal);
        Assert.Equal("test_3", ioc.LastPut(eiger.Odin.FileWriter.FileName));
        Assert.Equal(100.0, ioc.LastPut(eiger.Cam.DetDistance));
        Assert.Equal(10.0, ioc.LastPut(eiger.Cam.OmegaStart));
        Assert.Equal(0.1, ioc.LastPut(eiger.Cam.OmegaIncr));
        Assert.Equal(150 * 4148 / 311.1, (double)ioc.LastPut(eiger.Cam.BeamCenterX)!, 9);
        Assert.Equal(160 * 4362 / 327.15, (double)ioc.LastPut(eiger.Cam.BeamCenterY)!, 9);
        Assert.Equal(1, ioc.LastPut(eiger.Cam.NumImages));
        Assert.Equal(3600, ioc.LastPut(eiger.Cam.NumTriggers));
        Assert.Equal(3600, ioc.LastPut(eiger.Odin.FileWriter.NumCapture));
        Assert.Equal("UInt16", ioc.LastPut(eiger.Odin.FileWriter.DataType));
        Assert.All(eiger.Cam.Acquire.Mock!.Puts, p => Assert.False(p.Wait));
        Assert.False(eiger.FilewritersFinished!.Done);
    }

    [Fact]
    public async Task Roi_mode_is_enabled_first_with_the_4M_sizes_and_shifts_the_beam_centre()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create(useRoiMode: true));
        var eiger = ioc.Eiger;
        await eiger.AsyncStage().Task.WaitAsync(Wait);

        string[] roi = ["eiger-cam-roi_mode", "eiger-odin-file_writer-image_height", "eiger-odin-file_writer-image_width", "eiger-odin-file_writer-num_row_chunks", "eiger-odin-file_writer-num_col_chunks"];
        AssertStepOrder(ioc.PutNames, [roi, .. ExpectedSteps]);
        Assert.Equal(1, ioc.LastPut(eiger.Cam.RoiMode));
        Assert.Equal(2162, ioc.LastPut(eiger.Odin.FileWriter.ImageHeight));
        Assert.Equal(2068, ioc.LastPut(eiger.Odin.FileWriter.ImageWidth));
        Assert.Equal(2162, ioc.LastPut(eiger.Odin.FileWriter.NumRowChunks));
        Assert.Equal(2068, ioc.LastPut(eiger.Odin.FileWriter.NumColChunks));
        Assert.Equal((150 * 4148 / 311.1) - ((4148 - 2068) / 2.0), (double)ioc.LastPut(eiger.Cam.BeamCenterX)!, 9);
        Assert.Equal(["enable_roi_mode", "odin.stop"], eiger.ArmingStepNames(eiger.DetectorParams!).Take(2));
    }

    [Fact]
    public async Task The_threshold_is_only_written_when_it_is_more_than_a_tenth_of_an_eV_out()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create(energy: 12700));
        var eiger = ioc.Eiger;
        eiger.Cam.PhotonEnergy.Mock!.SetValue(12700.05);
        await eiger.SetDetectorThresholdAsync(12700);
        Assert.Empty(eiger.Cam.PhotonEnergy.Mock.Puts);

        await eiger.SetDetectorThresholdAsync(12700.2);
        Assert.Equal(12700.2, Assert.Single(eiger.Cam.PhotonEnergy.Mock.Puts).Value);

        eiger.Cam.PhotonEnergy.Mock.ClearPuts();
        await eiger.SetDetectorThresholdAsync(9000, tolerance: 5000);
        Assert.Empty(eiger.Cam.PhotonEnergy.Mock.Puts);
    }

    [Fact]
    public async Task Free_run_asks_for_a_million_triggers_and_tells_odin_to_write_until_stopped()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create(triggerMode: TriggerMode.FreeRun));
        var eiger = ioc.Eiger;
        await eiger.SetNumTriggersAndCapturesAsync();
        Assert.Equal(1, ioc.LastPut(eiger.Cam.NumImages));
        Assert.Equal(EigerDetector.FreeRunMaxImages, ioc.LastPut(eiger.Cam.NumTriggers));
        Assert.Equal(1000000, EigerDetector.FreeRunMaxImages);
        Assert.Equal(0, ioc.LastPut(eiger.Odin.FileWriter.NumCapture));
    }

    [Fact]
    public async Task Dev_shm_follows_the_parameters()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create() with { EnableDevShm = true });
        await ioc.Eiger.AsyncStage().Task.WaitAsync(Wait);
        Assert.Equal(1, ioc.LastPut(ioc.Eiger.Odin.Fan.DevShmEnable));
    }

    [Fact]
    public async Task Odin_pvs_wait_for_exactly_the_file_name_on_the_meta_listener_and_acquisition_id()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create(), ShortTimeouts);
        var eiger = ioc.Eiger;

        // The acquisition id ends up as something close to, but not exactly, the file name.
        ioc.On(eiger.Odin.FileWriter.FileName, name =>
        {
            eiger.Odin.Meta.FileName.Mock!.SetValue(name);
            eiger.Odin.FileWriter.Id.Mock!.SetValue(name + "_old");
        });
        var error = await Assert.ThrowsAsync<AwaitValueTimeoutException>(() => eiger.SetOdinPvsAsync());
        Assert.Equal("eiger-odin-file_writer-id", error.Signal);
        Assert.Equal("test_3", error.Expected);
        Assert.Equal("test_3_old", error.LastValue);
        Assert.Equal("eiger-odin-file_writer-id did not become 'test_3' within 1 s; last value 'test_3_old'.", error.Message);
    }

    [Fact]
    public async Task The_file_path_matches_its_readback_whatever_the_trailing_slash()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create());
        var eiger = ioc.Eiger;
        var directory = eiger.DetectorParams!.Directory;

        // The IOC reads the path back without its trailing '/'.
        eiger.Odin.FileWriter.FilePath.Mock!.BlockPuts();
        eiger.Odin.FileWriter.FilePath.Mock.SetValue(directory.TrimEnd('/'));
        var odinPvs = eiger.SetOdinPvsAsync();
        eiger.Odin.FileWriter.FilePath.Mock.ReleasePuts();
        await odinPvs.WaitAsync(Wait);
        Assert.Equal(directory, Assert.Single(eiger.Odin.FileWriter.FilePath.Mock.Puts).Value);
    }

    [Fact]
    public async Task Arming_refuses_when_odin_is_not_initialised_and_lists_what_is_not()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create(), ShortTimeouts);
        var eiger = ioc.Eiger;
        eiger.Odin.Fan.ConsumersConnected.Mock!.SetValue(0);
        eiger.Odin.Meta.Initialised.Mock!.SetValue(0);
        eiger.Odin.Nodes.Node2.ErrorStatus.Mock!.SetValue(1);
        eiger.Odin.Nodes.Node2.ErrorMessage.Mock!.SetValue("disk full");

        var status = eiger.DoArm.Set(1);
        var error = await Assert.ThrowsAsync<OdinNotInitialisedException>(() => status.Task.WaitAsync(Wait));
        string[] problems =
        [
            "Filewriter 2 is in an error state with error message                     - disk full",
            "EigerFan is not connected",
            "MetaListener is not initialised",
        ];
        Assert.Equal(problems, error.Problems);
        Assert.Equal("Odin not initialised: " + string.Join("\n", problems), error.Message);
        Assert.Equal("eiger", error.Device);

        // Only the node with an error message was told to clear it; nothing was armed.
        Assert.Equal(["eiger-odin-nodes-node_2-clear_errors"], ioc.PutNames);
        Assert.False(status.Success);
    }

    [Fact]
    public async Task Stale_parameters_that_never_clear_stop_the_chain_before_capture()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create(), EigerTimeouts.Default with { StaleParamsTimeout = Short });
        var eiger = ioc.Eiger;
        eiger.StaleParams.Mock!.SetValue(1);

        var error = await Assert.ThrowsAsync<AwaitValueTimeoutException>(() => eiger.AsyncStage().Task.WaitAsync(Wait));
        Assert.Equal("eiger-stale_params", error.Signal);
        Assert.Equal("await stale_params", eiger.CurrentArmingStep);
        AssertStepOrder(ioc.PutNames, ExpectedSteps[..8]);
    }

    [Fact]
    public async Task An_acquire_that_never_reads_back_fails_with_the_signal_and_target()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create(), ShortTimeouts);
        var eiger = ioc.Eiger;
        eiger.Cam.Acquire.Mock!.BlockPuts();

        var error = await Assert.ThrowsAsync<DeviceSetTimeoutException>(() => eiger.AsyncStage().Task.WaitAsync(Wait));
        Assert.Equal("eiger-cam-acquire", error.Device);
        Assert.Equal(1, error.Target);
        Assert.StartsWith("eiger-cam-acquire: set to 1 did not finish within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Equal("cam.acquire", eiger.CurrentArmingStep);
        Assert.False(await eiger.IsArmedAsync());
    }

    [Fact]
    public async Task The_whole_chain_fails_with_the_step_it_was_on_when_the_overall_time_out_passes()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create(), ShortTimeouts with { ArmingTimeout = Short });
        var eiger = ioc.Eiger;

        // Dev shm is set without a time-out of its own, so only the overall one ends it.
        eiger.Odin.Fan.DevShmEnable.Mock!.BlockPuts();
        var error = await Assert.ThrowsAsync<EigerArmingTimeoutException>(() => eiger.DoArmingChain().Task.WaitAsync(Wait));
        Assert.Equal("change_dev_shm", error.Step);
        Assert.Equal("eiger", error.Device);
        Assert.Equal(Short, error.Limit);
        Assert.Equal("eiger: arming did not finish within 1 s (at step change_dev_shm).", error.Message);
        Assert.DoesNotContain("eiger-cam-photon_energy", ioc.PutNames);
    }

    [Fact]
    public async Task Stage_arms_a_detector_that_is_not_armed_and_leaves_an_armed_one_alone()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create());
        var eiger = ioc.Eiger;
        await eiger.Stage().Task.WaitAsync(Wait);
        Assert.Contains("eiger-cam-acquire", ioc.PutNames);
        Assert.True(await eiger.IsArmedAsync());

        ioc.ClearPuts();
        await eiger.Stage().Task.WaitAsync(Wait);
        Assert.Empty(ioc.Puts);
    }

    [Fact]
    public async Task Stage_waits_for_an_arm_already_running_instead_of_arming_again()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create());
        var eiger = ioc.Eiger;
        eiger.Cam.Acquire.Mock!.BlockPuts();
        var arming = eiger.DoArm.Set(1);
        await ioc.WhenPutAsync(eiger.Cam.Acquire);

        var stage = eiger.Stage();
        Assert.False(stage.Done);
        eiger.Cam.Acquire.Mock.ReleasePuts();
        await stage.Task.WaitAsync(Wait);
        Assert.True(arming.Success);
        Assert.Single(ioc.PutNames, n => n == "eiger-cam-acquire");
    }

    [Fact]
    public async Task A_failed_arm_makes_stage_fail_with_its_error()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create(), ShortTimeouts);
        var eiger = ioc.Eiger;
        eiger.Cam.Acquire.Mock!.BlockPuts();
        await Assert.ThrowsAsync<DeviceSetTimeoutException>(() => eiger.Stage().Task.WaitAsync(Wait));
    }

    [Fact]
    public async Task Arming_logs_dodals_progress_lines()
    {
        var logger = new ListLogger();
        var eiger = new EigerDetector(FakeEigerIoc.Prefix, "eiger", logger: logger);
        await eiger.ConnectAsync(new Hyperion.Devices.Core.DeviceConnectOptions { Mock = true });
        eiger.Odin.Nodes.Node1.ErrorMessage.Mock!.SetValue("old error");
        await eiger.Odin.Nodes.ClearOdinErrorsAsync();
        await eiger.ChangeDevShmAsync(false);
        Assert.Equal(["Clearing odin errors from node 1", "Disabling dev shm"], logger.Lines.Select(l => l.Message));
        Assert.Equal(1, Assert.Single(eiger.Odin.Nodes.Node1.ClearErrors.Mock!.Puts).Value);
        Assert.Empty(eiger.Odin.Nodes.Node0.ClearErrors.Mock!.Puts);
    }
}
