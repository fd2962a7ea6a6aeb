using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Eiger;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Mx.Eiger;

public class EigerDeviceTests
{
    private const string E = "BL03I-EA-EIGER-01:";

    private static (string Write, string Read) Pvs<T>(SignalBase<T> signal) =>
        signal.Backend is PvSignalBackend<T> pv ? (pv.WritePv, pv.ReadPv) : throw new InvalidOperationException(signal.Name);

    public static TheoryData<string, string, string> ReadWritePvs => new()
    {
        { "cam-acquire", "CAM:Acquire", "CAM:Acquire_RBV" },
        { "cam-acquire_time", "CAM:AcquireTime", "CAM:AcquireTime_RBV" },
        { "cam-acquire_period", "CAM:AcquirePeriod", "CAM:AcquirePeriod_RBV" },
        { "cam-num_exposures", "CAM:NumExposures", "CAM:NumExposures_RBV" },
        { "cam-image_mode", "CAM:ImageMode", "CAM:ImageMode_RBV" },
        { "cam-trigger_mode", "CAM:TriggerMode", "CAM:TriggerMode_RBV" },
        { "cam-num_images", "CAM:NumImages", "CAM:NumImages_RBV" },
        { "cam-num_triggers", "CAM:NumTriggers", "CAM:NumTriggers_RBV" },
        { "cam-beam_center_x", "CAM:BeamX", "CAM:BeamX_RBV" },
        { "cam-beam_center_y", "CAM:BeamY", "CAM:BeamY_RBV" },
        { "cam-det_distance", "CAM:DetDist", "CAM:DetDist_RBV" },
        { "cam-omega_start", "CAM:OmegaStart", "CAM:OmegaStart_RBV" },
        { "cam-omega_incr", "CAM:OmegaIncr", "CAM:OmegaIncr_RBV" },
        { "cam-photon_energy", "CAM:PhotonEnergy", "CAM:PhotonEnergy_RBV" },
        { "cam-roi_mode", "CAM:ROIMode", "CAM:ROIMode_RBV" },
        { "stale_params", "CAM:StaleParameters_RBV", "CAM:StaleParameters_RBV" },
        { "bit_depth", "CAM:BitDepthImage_RBV", "CAM:BitDepthImage_RBV" },
        { "odin-fan-on", "OD:FAN:ProcessConnected_RBV", "OD:FAN:ProcessConnected_RBV" },
        { "odin-fan-consumers_connected", "OD:FAN:AllConsumersConnected_RBV", "OD:FAN:AllConsumersConnected_RBV" },
        { "odin-fan-ready", "OD:FAN:StateReady_RBV", "OD:FAN:StateReady_RBV" },
        { "odin-fan-zmq_addr", "OD:FAN:EigerAddress_RBV", "OD:FAN:EigerAddress_RBV" },
        { "odin-fan-zmq_port", "OD:FAN:EigerPort_RBV", "OD:FAN:EigerPort_RBV" },
        { "odin-fan-state", "OD:FAN:State_RBV", "OD:FAN:State_RBV" },
        { "odin-fan-frames_sent", "OD:FAN:FramesSent_RBV", "OD:FAN:FramesSent_RBV" },
        { "odin-fan-series", "OD:FAN:CurrentSeries_RBV", "OD:FAN:CurrentSeries_RBV" },
        { "odin-fan-offset", "OD:FAN:CurrentOffset_RBV", "OD:FAN:CurrentOffset_RBV" },
        { "odin-fan-forward_stream", "OD:FAN:ForwardStream", "OD:FAN:ForwardStream_RBV" },
        { "odin-fan-dev_shm_enable", "OD:FAN:DevShmCache", "OD:FAN:DevShmCache_RBV" },
        { "odin-file_writer-start_timeout", "OD:StartTimeout", "OD:StartTimeout" },
        { "odin-file_writer-id", "OD:AcquisitionID_RBV", "OD:AcquisitionID_RBV" },
        { "odin-file_writer-image_height", "OD:ImageHeight", "OD:ImageHeight_RBV" },
        { "odin-file_writer-image_width", "OD:ImageWidth", "OD:ImageWidth_RBV" },
        { "odin-file_writer-file_path", "OD:FilePath", "OD:FilePath_RBV" },
        { "odin-file_writer-file_name", "OD:FileName", "OD:FileName_RBV" },
        { "odin-file_writer-capture", "OD:Capture", "OD:Capture_RBV" },
        { "odin-file_writer-num_capture", "OD:NumCapture", "OD:NumCapture_RBV" },
        { "odin-file_writer-num_captured", "OD:NumCaptured_RBV", "OD:NumCaptured_RBV" },
        { "odin-file_writer-data_type", "OD:DataType", "OD:DataType_RBV" },
        { "odin-file_writer-num_frames_chunks", "OD:NumFramesChunks", "OD:NumFramesChunks_RBV" },
        { "odin-file_writer-num_row_chunks", "OD:NumRowChunks", "OD:NumRowChunks_RBV" },
        { "odin-file_writer-num_col_chunks", "OD:NumColChunks", "OD:NumColChunks_RBV" },
        { "odin-meta-initialised", "OD:META:ProcessConnected_RBV", "OD:META:ProcessConnected_RBV" },
        { "odin-meta-ready", "OD:META:Writing_RBV", "OD:META:Writing_RBV" },
        { "odin-meta-file_name", "OD:META:FileName", "OD:META:FileName" },
        { "odin-meta-stop_writing", "OD:META:Stop", "OD:META:Stop" },
        { "odin-meta-active", "OD:META:AcquisitionActive_RBV", "OD:META:AcquisitionActive_RBV" },
        { "odin-nodes-node_0-writing", "OD1:Writing_RBV", "OD1:Writing_RBV" },
        { "odin-nodes-node_1-frames_dropped", "OD2:FramesDropped_RBV", "OD2:FramesDropped_RBV" },
        { "odin-nodes-node_2-frames_timed_out", "OD3:FramesTimedOut_RBV", "OD3:FramesTimedOut_RBV" },
        { "odin-nodes-node_3-error_status", "OD4:FPErrorState_RBV", "OD4:FPErrorState_RBV" },
        { "odin-nodes-node_0-fp_initialised", "OD1:FPProcessConnected_RBV", "OD1:FPProcessConnected_RBV" },
        { "odin-nodes-node_0-fr_initialised", "OD1:FRProcessConnected_RBV", "OD1:FRProcessConnected_RBV" },
        { "odin-nodes-node_3-clear_errors", "OD4:FPClearErrors", "OD4:FPClearErrors" },
        { "odin-nodes-node_3-num_captured", "OD4:NumCaptured_RBV", "OD4:NumCaptured_RBV" },
        { "odin-nodes-node_3-error_message", "OD4:FPErrorMessage_RBV", "OD4:FPErrorMessage_RBV" },
    };

    [Theory]
    [MemberData(nameof(ReadWritePvs))]
    public void Every_signal_has_dodals_name_and_pvs(string child, string writePv, string readPv)
    {
        var eiger = new EigerDetector(E, "eiger");
        var signal = Assert.Single(eiger.Descendants().OfType<Signal>(), s => s.Name == "eiger-" + child);
        var (write, read) = signal switch
        {
            SignalBase<int> s => Pvs(s),
            SignalBase<double> s => Pvs(s),
            SignalBase<string> s => Pvs(s),
            _ => throw new InvalidOperationException(signal.GetType().Name),
        };
        Assert.Equal(E + writePv, write);
        Assert.Equal(E + readPv, read);
    }

    [Fact]
    public async Task A_mock_connect_reads_from_mock_sources_and_do_arm_is_a_child()
    {
        var eiger = new EigerDetector(E, "eiger");
        await eiger.ConnectAsync(new DeviceConnectOptions { Mock = true });
        Assert.Equal("mock+ca://BL03I-EA-EIGER-01:OD:AcquisitionID_RBV", eiger.Odin.FileWriter.Id.Source);
        Assert.Equal("mock+ca://BL03I-EA-EIGER-01:CAM:Acquire_RBV", eiger.Cam.Acquire.Source);
        Assert.Equal("eiger-do_arm", eiger.DoArm.Name);
        Assert.Same(eiger, eiger.DoArm.Parent);
        Assert.True(eiger.ArmingStatus.Done);
        Assert.True(eiger.DisarmingStatus.Done);
        Assert.Null(eiger.FilewritersFinished);
    }

    [Fact]
    public void I03_uses_a_20_s_general_time_out_and_unknown_beamlines_fall_back_to_i03()
    {
        var i03 = new EigerDetector(E, "eiger");
        Assert.Equal(TimeSpan.FromSeconds(20), i03.Timeouts.GeneralStatusTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), i03.Timeouts.ArmingTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), i03.Timeouts.StaleParamsTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), i03.Timeouts.MetaFileReadyTimeout);
        Assert.Equal(TimeSpan.FromSeconds(120), i03.Timeouts.AllFramesTimeout);
        Assert.Equal(i03.Timeouts, new EigerDetector(E, "eiger", beamline: "i04").Timeouts);
        Assert.Equal(TimeSpan.FromSeconds(10), EigerTimeouts.Default.GeneralStatusTimeout);
    }

    [Fact]
    public void Parameters_must_be_given_with_sizes_and_a_beam_converter()
    {
        var eiger = new EigerDetector(E, "eiger");
        var missing = Assert.Throws<ArgumentNullException>(() => eiger.SetDetectorParameters(null));
        Assert.StartsWith("Parameters for scan must be specified", missing.Message, StringComparison.Ordinal);

        var bare = EigerTestParams.Create() with { DetectorSizeConstants = null, BeamXYConverter = null };
        var error = Assert.Throws<DetectorParamsException>(() => eiger.SetDetectorParameters(bare));
        Assert.Equal("Detector Size must be set\nBeam converter must be set", error.Message);
        Assert.Equal(["Detector Size must be set", "Beam converter must be set"], error.Problems);

        var withParams = EigerDetector.WithParams(EigerTestParams.Create());
        Assert.Equal("EigerDetector", withParams.Name);
        Assert.Equal("test_3", withParams.DetectorParams!.FullFilename);
    }

    [Fact]
    public async Task Behaviours_that_need_parameters_say_so_when_there_are_none()
    {
        var eiger = new EigerDetector(E, "eiger");
        await eiger.ConnectAsync(new DeviceConnectOptions { Mock = true });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => eiger.UnstageAsync());
        Assert.Equal("eiger: detector parameters must be set (SetDetectorParameters) first.", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => eiger.SetCamPvsAsync());
    }
}
