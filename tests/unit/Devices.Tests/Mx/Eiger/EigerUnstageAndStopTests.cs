using Hyperion.Devices.Mx.Eiger;
using Microsoft.Extensions.Logging;

namespace Hyperion.Devices.Tests.Mx.Eiger;

public class EigerUnstageAndStopTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly string[] Disarm = ["eiger-cam-acquire"];

    private static readonly string[] FullDetector =
        ["eiger-cam-roi_mode", "eiger-odin-file_writer-image_height", "eiger-odin-file_writer-image_width", "eiger-odin-file_writer-num_row_chunks", "eiger-odin-file_writer-num_col_chunks"];

    private static async Task<FakeEigerIoc> ArmedAsync(DetectorParams detectorParams, EigerTimeouts? timeouts = null)
    {
        var ioc = await FakeEigerIoc.StartAsync(detectorParams, timeouts);
        await ioc.Eiger.AsyncStage().Task.WaitAsync(Wait);
        ioc.ClearPuts();
        return ioc;
    }

    private static void AssertOrder(IReadOnlyList<string> puts, params string[][] steps)
    {
        var index = 0;
        foreach (var step in steps)
        {
            Assert.Equal(step.Order(), puts.Skip(index).Take(step.Length).Order());
            index += step.Length;
        }

        Assert.Equal(puts.Count, index);
    }

    [Fact]
    public async Task Unstage_times_out_the_writers_then_disarms_and_returns_to_the_full_detector()
    {
        var ioc = await ArmedAsync(EigerTestParams.Create(useRoiMode: true));
        var eiger = ioc.Eiger;

        var ok = await eiger.UnstageAsync().WaitAsync(Wait);

        Assert.True(ok);
        AssertOrder(ioc.PutNames, ["eiger-odin-file_writer-start_timeout"], Disarm, FullDetector);
        Assert.Equal(1, ioc.LastPut(eiger.Odin.FileWriter.StartTimeout));
        Assert.Equal(0, ioc.LastPut(eiger.Cam.Acquire));
        Assert.Equal(0, ioc.LastPut(eiger.Cam.RoiMode));
        Assert.Equal(4362, ioc.LastPut(eiger.Odin.FileWriter.ImageHeight));
        Assert.Equal(4148, ioc.LastPut(eiger.Odin.FileWriter.ImageWidth));
        Assert.True(eiger.FilewritersFinished!.Success);
        Assert.True(eiger.DisarmingStatus.Success);
        Assert.False(await eiger.IsArmedAsync());
    }

    [Fact]
    public async Task Stop_during_a_disarm_whose_writers_never_finish_times_out_naming_the_odin_error()
    {
        var ioc = await ArmedAsync(EigerTestParams.Create(), EigerTimeouts.Default with { ArmingTimeout = Short, GeneralStatusTimeout = Short });
        var eiger = ioc.Eiger;
        ioc.SetWriting(1);
        ioc.On(eiger.Odin.FileWriter.StartTimeout, _ => { }); // a writer in error never reports the collection finished
        eiger.Odin.Nodes.Node0.ErrorStatus.Mock!.SetValue(1);
        eiger.Odin.Nodes.Node0.ErrorMessage.Mock!.SetValue("thaumatin_1_000001.h5: already exists");
        _ = eiger.UnstageAsync();
        await ioc.WhenPutAsync(eiger.Odin.FileWriter.StartTimeout);

        var error = await Assert.ThrowsAsync<EigerDisarmTimeoutException>(() => eiger.StopAsync(success: false).AsTask().WaitAsync(Wait));

        Assert.Equal("the disarm in progress", error.Step);
        Assert.Equal(["node 0: thaumatin_1_000001.h5: already exists"], error.OdinErrors);
        Assert.Contains("Odin reports node 0: thaumatin_1_000001.h5: already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unstage_through_the_status_protocol_completes()
    {
        var ioc = await ArmedAsync(EigerTestParams.Create());
        await ioc.Eiger.Unstage().Task.WaitAsync(Wait);
        Assert.Contains("eiger-odin-file_writer-start_timeout", ioc.PutNames);
    }

    [Fact]
    public async Task Dropped_or_timed_out_frames_make_unstage_report_failure_and_log_them()
    {
        var logger = new ListLogger();
        var eiger = new EigerDetector(FakeEigerIoc.Prefix, "eiger", logger: logger);
        await eiger.ConnectAsync(new Hyperion.Devices.Core.DeviceConnectOptions { Mock = true });
        eiger.SetDetectorParameters(EigerTestParams.Create());
        foreach (var node in eiger.Odin.Nodes.Nodes)
        {
            node.FrInitialised.Mock!.SetValue(1);
            node.FpInitialised.Mock!.SetValue(1);
        }

        eiger.Odin.Fan.ConsumersConnected.Mock!.SetValue(1);
        eiger.Odin.Fan.On.Mock!.SetValue(1);
        eiger.Odin.Meta.Initialised.Mock!.SetValue(1);
        eiger.Odin.Nodes.Node1.FramesDropped.Mock!.SetValue(5);
        eiger.Odin.Nodes.Node3.FramesTimedOut.Mock!.SetValue(2);

        var ok = await eiger.Odin.CheckAndWaitForOdinStateAsync(Wait).WaitAsync(Wait);

        Assert.False(ok);
        var errors = logger.Lines.Where(l => l.Level == LogLevel.Error).Select(l => l.Message).ToList();
        Assert.Equal(
            ["Frames dropped: Filewriter 1 dropped " + new string(' ', 24) + "5 frames", "Frames timed out: Filewriter 3 timed out " + new string(' ', 24) + "2 frames"],
            errors);
    }

    [Fact]
    public async Task In_free_run_unstage_waits_for_every_frame_then_stops_odin_before_timing_out_the_writers()
    {
        var ioc = await ArmedAsync(EigerTestParams.Create(triggerMode: TriggerMode.FreeRun));
        var eiger = ioc.Eiger;

        var unstage = eiger.UnstageAsync();
        Assert.False(unstage.IsCompleted);
        Assert.Empty(ioc.Puts);
        eiger.Odin.FileWriter.NumCaptured.Mock!.SetValue(eiger.DetectorParams!.FullNumberOfImages);
        Assert.True(await unstage.WaitAsync(Wait));

        AssertOrder(
            ioc.PutNames,
            ["eiger-odin-file_writer-capture", "eiger-odin-meta-stop_writing"],
            ["eiger-odin-file_writer-start_timeout"],
            Disarm,
            FullDetector);
    }

    [Fact]
    public async Task In_free_run_odin_is_stopped_even_when_the_frames_never_all_arrive()
    {
        var ioc = await ArmedAsync(EigerTestParams.Create(triggerMode: TriggerMode.FreeRun), EigerTimeouts.Default with { AllFramesTimeout = Short });
        var eiger = ioc.Eiger;
        eiger.Odin.FileWriter.NumCaptured.Mock!.SetValue(10);

        var error = await Assert.ThrowsAsync<AwaitValueTimeoutException>(() => eiger.UnstageAsync().WaitAsync(Wait));

        Assert.Equal("eiger-odin-file_writer-num_captured", error.Signal);
        Assert.Equal(3600, error.Expected);
        Assert.Equal(10, error.LastValue);
        AssertOrder(ioc.PutNames, ["eiger-odin-file_writer-capture", "eiger-odin-meta-stop_writing"], Disarm, FullDetector);

        // dodal sets the disarming status finished only after a clean unstage.
        Assert.False(eiger.DisarmingStatus.Done);
    }

    [Fact]
    public async Task A_failed_odin_check_after_disarming_raises_the_bare_list_but_the_detector_is_still_disarmed()
    {
        var ioc = await ArmedAsync(EigerTestParams.Create(), new EigerTimeouts(Short, Short, Short, Short, Wait));
        var eiger = ioc.Eiger;
        eiger.Odin.Fan.On.Mock!.SetValue(0);

        var error = await Assert.ThrowsAsync<OdinNotInitialisedException>(() => eiger.UnstageAsync().WaitAsync(Wait));

        Assert.Equal("EigerFan is not initialised", error.Message);
        Assert.Equal("eiger-odin", error.Device);
        Assert.Equal(0, ioc.LastPut(eiger.Cam.Acquire));
        Assert.DoesNotContain("eiger-cam-roi_mode", ioc.PutNames);
    }

    [Fact]
    public async Task Unstage_waits_for_an_arm_in_progress_first()
    {
        var ioc = await FakeEigerIoc.StartAsync(EigerTestParams.Create());
        var eiger = ioc.Eiger;
        eiger.Cam.Acquire.Mock!.BlockPuts();
        var arming = eiger.DoArm.Set(1);
        await ioc.WhenPutAsync(eiger.Cam.Acquire);

        var unstage = eiger.UnstageAsync();
        Assert.False(eiger.DisarmingStatus.Done);
        Assert.DoesNotContain("eiger-odin-file_writer-start_timeout", ioc.PutNames);
        eiger.Cam.Acquire.Mock.ReleasePuts();

        Assert.True(await unstage.WaitAsync(Wait));
        Assert.True(arming.Success);
        Assert.True(eiger.DisarmingStatus.Success);
    }

    [Fact]
    public async Task Stop_stops_odin_times_out_the_writers_disarms_and_turns_off_dev_shm()
    {
        var ioc = await ArmedAsync(EigerTestParams.Create(useRoiMode: true) with { EnableDevShm = true });
        var eiger = ioc.Eiger;

        await eiger.StopAsync().AsTask().WaitAsync(Wait);

        var puts = ioc.PutNames.ToList();
        Assert.Equal("eiger-odin-fan-dev_shm_enable", puts[^1]);
        Assert.Equal(0, ioc.LastPut(eiger.Odin.Fan.DevShmEnable));
        Assert.True(puts.IndexOf("eiger-odin-file_writer-start_timeout") < puts.IndexOf("eiger-cam-acquire"));
        Assert.True(puts.IndexOf("eiger-cam-acquire") < puts.IndexOf("eiger-cam-roi_mode"));
        Assert.Equal(
            new[] { "eiger-cam-acquire", "eiger-odin-fan-dev_shm_enable", "eiger-odin-file_writer-capture", "eiger-odin-file_writer-start_timeout", "eiger-odin-meta-stop_writing" }.Concat(FullDetector).Order(),
            puts.Order());
        Assert.Equal(0, ioc.LastPut(eiger.Odin.FileWriter.Capture));
        Assert.Equal(1, ioc.LastPut(eiger.Odin.Meta.StopWriting));
        Assert.Equal(0, ioc.LastPut(eiger.Cam.Acquire));
    }

    [Fact]
    public async Task Stop_during_a_disarm_only_waits_for_the_disarm()
    {
        var ioc = await ArmedAsync(EigerTestParams.Create());
        var eiger = ioc.Eiger;
        eiger.Odin.FileWriter.StartTimeout.Mock!.BlockPuts();
        var unstage = eiger.UnstageAsync();
        await ioc.WhenPutAsync(eiger.Odin.FileWriter.StartTimeout);

        var stop = eiger.StopAsync().AsTask();
        Assert.False(stop.IsCompleted);
        eiger.Odin.FileWriter.StartTimeout.Mock.ReleasePuts();
        await stop.WaitAsync(Wait);
        Assert.True(await unstage.WaitAsync(Wait));

        Assert.DoesNotContain("eiger-odin-fan-dev_shm_enable", ioc.PutNames);
        Assert.Single(ioc.PutNames, n => n == "eiger-odin-file_writer-start_timeout");
    }
}
