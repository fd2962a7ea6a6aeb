using System.Collections.Concurrent;
using Hyperion.Nexus.DataFiles;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Clock;
using Hyperion.SimBeamline.Detector;

namespace Hyperion.SimBeamline.Tests;

/// <summary>The twin's Eiger and Odin, set up as Hyperion sets them, triggered by the twin's grid scan through the Zebra.</summary>
public sealed class EigerSimulationTests : IAsyncLifetime
{
    private const string Eiger = "BL03S-EA-EIGER-01:";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("twin-eiger-").FullName;
    private readonly ConcurrentQueue<EigerFrame> _frames = new();
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private TwinPvs _pvs = null!;

    public Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03", new ScaledTimeProvider(20));
        _twin.Eiger.FrameWritten += _frames.Enqueue;
        _client = _twin.CreateClient();
        _pvs = new TwinPvs(_twin, _client, Timeout);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Odin_reports_itself_initialised_and_echoes_the_file_name()
    {
        await WaitForAsync(() => _pvs.Read(Eiger + "OD:FAN:AllConsumersConnected_RBV") == 1 && _pvs.Read(Eiger + "OD4:FRProcessConnected_RBV") == 1, "Odin up");
        await _pvs.PutTextAsync(Eiger + "OD:FileName", "thau_7");
        await WaitForAsync(() => _twin.Eiger.LastError is null && _pvs.Text(Eiger + "OD:AcquisitionID_RBV") == "thau_7" && _pvs.Text(Eiger + "OD:META:FileName") == "thau_7", "the id echoed");
        Assert.Equal(1, _pvs.Read(Eiger + "OD:META:AcquisitionActive_RBV"));
    }

    [Fact]
    public async Task A_two_grid_scan_triggers_one_frame_per_point_into_the_data_files()
    {
        await ArmAsync("grid_2", frames: 6, triggers: 6);
        await RunTwoGridScanAsync(xSteps: 3);
        await WaitForAsync(() => _pvs.Read(Eiger + "OD:NumCaptured_RBV") == 6 && _pvs.Read(Eiger + "OD:Capture_RBV") == 0, "six frames written");

        var files = _twin.Eiger.LastFiles;
        Assert.Equal(["grid_2_000001.h5", "grid_2_000002.h5", "grid_2_000003.h5"], files.Select(f => f.FileName));
        Assert.All(files, f => Assert.True(File.Exists(f.FilePath)));
        Assert.Equal([1, 2, 3, 4, 5, 6], _frames.Select(f => f.ImageNumber).Order());
        Assert.All(_frames, f => Assert.True(f.Request.IsStill));
        Assert.Equal(0, _pvs.Read(Eiger + "CAM:Acquire_RBV"));
        Assert.Equal(6, Enumerable.Range(1, 4).Sum(n => _pvs.Read($"{Eiger}OD{n}:NumCaptured_RBV")));
    }

    [Fact]
    public async Task Odin_writes_its_meta_file_beside_the_data_files_with_a_row_per_frame()
    {
        await ArmAsync("meta_2", frames: 4, triggers: 4);
        await RunTwoGridScanAsync(xSteps: 2);
        await WaitForAsync(() => _pvs.Read(Eiger + "OD:Capture_RBV") == 0 && _twin.Eiger.LastMetaFile is not null, "the capture closed");

        var path = Path.Combine(_directory, "meta_2_meta.h5");
        Assert.Equal(path, _twin.Eiger.LastMetaFile);
        using var meta = PureHDF.H5File.OpenRead(path);
        Assert.Equal([0L, 1, 2, 3], ((PureHDF.IH5Dataset)meta.Get("frame")).Read<long[]>());
        Assert.Equal([0L, 1, 2, 3], ((PureHDF.IH5Dataset)meta.Get("offset")).Read<long[]>());
        Assert.All(((PureHDF.IH5Dataset)meta.Get("real_time")).Read<long[]>(), t => Assert.Equal(4_000_000, t));
        var (starts, stops) = (((PureHDF.IH5Dataset)meta.Get("start_time")).Read<long[]>(), ((PureHDF.IH5Dataset)meta.Get("stop_time")).Read<long[]>());
        Assert.Equal(starts.Order(), starts);
        Assert.All(starts.Zip(stops), s => Assert.Equal(4_000_000, s.Second - s.First));

        // Compressed frames: each smaller than its 2068 × 2162 × 4 raw bytes, none empty.
        Assert.All(((PureHDF.IH5Dataset)meta.Get("size")).Read<long[]>(), size => Assert.InRange(size, 1, (2068 * 2162 * 4) - 1));
        Assert.Equal([1L], ((PureHDF.IH5Dataset)meta.Get("series")).Read<long[]>());
        Assert.Equal(4, ((PureHDF.IH5Dataset)meta.Get("_dectris/ntrigger")).Read<long>());
        Assert.Equal(2068, ((PureHDF.IH5Dataset)meta.Get("_dectris/x_pixels_in_detector")).Read<long>());
        Assert.Equal(0.25, ((PureHDF.IH5Dataset)meta.Get("_dectris/detector_distance")).Read<double>(), 6);
        Assert.Equal(12.398419843320026 / 12.7, ((PureHDF.IH5Dataset)meta.Get("_dectris/wavelength")).Read<double>(), 4);
        Assert.Equal("bslz4", ((PureHDF.IH5Dataset)meta.Get("_dectris/compression")).Read<string>());
        Assert.Contains("\"trigger_mode\":\"exts\"", ((PureHDF.IH5Dataset)meta.Get("config")).Read<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_meta_row_that_is_not_a_frame_is_refused_and_no_file_is_left()
    {
        var path = Path.Combine(_directory, "bad_meta.h5");
        var header = new OdinMetaHeader
        {
            Series = 1,
            CountTimeSeconds = 0.004,
            FrameTimeSeconds = 0.004,
            ImagesPerTrigger = 1,
            Triggers = 1,
            BeamCentreX = 1000,
            BeamCentreY = 1000,
            DetectorDistanceMetres = 0.25,
            WavelengthAngstrom = 0.976,
            Width = 2068,
            Height = 2162,
            CollectionDate = DateTimeOffset.UnixEpoch,
        };
        var error = Assert.Throws<Nexus.Errors.NexusWriteException>(() =>
            OdinMetaWriter.Write(path, header, [new OdinMetaFrame(0, 0, 5_000, 1_000, 4_000, 100)], FrameCompression.BitshuffleLz4));
        Assert.Contains("Meta row 0", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Frames_are_lit_by_the_beam_the_aperture_leaves_at_the_sample_where_it_really_is()
    {
        // The small hole in; the smargon re-centred at x = 0.3, so the grid's x = 0 is 0.3 mm along the goniometer.
        var small = _twin.Beam.Aperture.Configuration.AperturePositions[Devices.Mx.Aperture.ApertureValue.Small];
        await _pvs.PutAsync("BL03S-MO-MAPT-01:X.VAL", small.ApertureX);
        await _pvs.PutAsync("BL03S-MO-MAPT-01:Y.VAL", small.ApertureY);
        await _pvs.PutAsync("BL03S-MO-MAPT-01:Z.VAL", small.ApertureZ);
        await _pvs.PutAsync("BL03S-MO-SGON-01:X.VAL", 0.3);
        await _pvs.PutAsync("BL03S-MO-SGON-01:CENTER_CS.PROC", 1);
        await WaitForAsync(() => Math.Abs(_pvs.Read("BL03S-MO-SGON-01:X.RBV")) < 1e-6, "x re-centred");

        await ArmAsync("small", frames: 2, triggers: 2);
        await RunTwoGridScanAsync(xSteps: 1);
        await WaitForAsync(() => _pvs.Read(Eiger + "OD:NumCaptured_RBV") == 2 && _pvs.Read(Eiger + "OD:Capture_RBV") == 0, "two frames written");

        var expectedFlux = _twin.Beam.FullFlux * 0.084 * _twin.Beam.Current().RingFactor;
        Assert.All(_frames, f => Assert.Equal((20.0, 20.0), (f.Request.Beam.SizeXMicrons, f.Request.Beam.SizeYMicrons)));
        Assert.All(_frames, f => Assert.Equal(expectedFlux, f.Request.Beam.FluxPhotonsPerSecond, expectedFlux * 1e-3));
        Assert.All(_frames, f => Assert.Equal(0.3, f.Request.StagePositionMm.X, 6));
    }

    [Fact]
    public async Task A_capture_of_zero_frames_writes_every_frame_until_odin_is_stopped()
    {
        // dodal arms a free-running grid scan with NumCapture 0: Odin writes until it is told to stop.
        await ArmAsync("free", frames: 0, triggers: 1000);
        await RunTwoGridScanAsync(xSteps: 3);
        await WaitForAsync(() => _pvs.Read(Eiger + "OD:NumCaptured_RBV") == 6, "six frames written");

        Assert.Equal(1, _pvs.Read(Eiger + "OD:Capture_RBV"));
        await _pvs.PutAsync(Eiger + "OD:Capture", 0);
        await WaitForAsync(() => _twin.Eiger.LastFiles.Sum(f => f.FrameCount) == 6, "the capture's files closed with six frames");
        Assert.Equal(3, _twin.Eiger.LastFiles.Count);
    }

    [Fact]
    public async Task An_injected_arm_failure_leaves_the_detector_unarmed_with_odin_saying_why()
    {
        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "detector_arm_failure" });
        await _pvs.PutAsync(Eiger + "CAM:ROIMode", 1);
        await _pvs.PutAsync(Eiger + "CAM:TriggerMode", 2);
        await _pvs.PutAsync(Eiger + "CAM:Acquire", 1);
        await WaitForAsync(() => _pvs.Read(Eiger + "OD1:FPErrorState_RBV") == 1, "Odin's error");
        Assert.StartsWith("Eiger arm failed", _pvs.Text(Eiger + "OD1:FPErrorMessage_RBV"), StringComparison.Ordinal);
        Assert.Equal(0, _pvs.Read(Eiger + "CAM:Acquire_RBV"));
        Assert.Equal(0, _pvs.Read(Eiger + "OD:FAN:StateReady_RBV"));

        // The next arm works (external triggers: it stays armed until they come).
        await _pvs.PutAsync(Eiger + "CAM:Acquire", 1);
        await WaitForAsync(() => _twin.Eiger.IsArmed && _pvs.Read(Eiger + "CAM:Acquire_RBV") == 1 && _pvs.Read(Eiger + "OD:FAN:StateReady_RBV") == 1, "armed");
    }

    [Fact]
    public async Task A_capture_into_a_missing_directory_fails_in_odin_naming_it()
    {
        await _pvs.PutTextAsync(Eiger + "OD:FilePath", Path.Combine(_directory, "nowhere"));
        await _pvs.PutTextAsync(Eiger + "OD:FileName", "lost_1");
        await _pvs.PutAsync(Eiger + "OD:Capture", 1);
        await WaitForAsync(() => _pvs.Read(Eiger + "OD1:FPErrorState_RBV") == 1, "Odin's error");
        Assert.Equal(0, _pvs.Read(Eiger + "OD:Capture_RBV"));
        Assert.Contains("nowhere", _twin.Eiger.LastError!.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Slow_file_writes_hold_frames_back_by_their_size_over_the_rate()
    {
        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "slow_file_writes", MegabytesPerSecond = 20 });
        await ArmAsync("slow_1", frames: 2, triggers: 2);
        var times = new ConcurrentQueue<long>();
        _twin.Eiger.FrameWritten += _ => times.Enqueue(_twin.Records.TimeProvider.GetTimestamp());
        _twin.Eiger.Trigger(new Zebra.ZebraTrigger(7, null));
        _twin.Eiger.Trigger(new Zebra.ZebraTrigger(7, null));
        await WaitForAsync(() => _pvs.Read(Eiger + "OD:NumCaptured_RBV") == 2, "two frames");

        // A 2068 × 2162 uint32 frame is 17.9 MB: at 20 MB/s the second reaches the disk ≥ 0.89 s of twin time later.
        var stamps = times.ToArray();
        Assert.True(_twin.Records.TimeProvider.GetElapsedTime(stamps[0], stamps[1]) >= TimeSpan.FromSeconds(0.85));
        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "slow_file_writes", MegabytesPerSecond = 0 });
        Assert.Null(_twin.Eiger.WriteBytesPerSecond);
    }

    [Fact]
    public async Task Start_timeout_closes_the_capture_only_after_the_frames_already_exposed_are_written()
    {
        // Slow writes keep both frames queued behind the writer when Odin is told to time out.
        await _twin.Faults.InjectAsync(new FaultDefinition { Fault = "slow_file_writes", MegabytesPerSecond = 20 });
        await ArmAsync("timeout_1", frames: 3, triggers: 3);
        _twin.Eiger.Trigger(new Zebra.ZebraTrigger(7, null));
        _twin.Eiger.Trigger(new Zebra.ZebraTrigger(7, null));
        await _pvs.PutAsync(Eiger + "OD:StartTimeout", 1);

        await WaitForAsync(() => _pvs.Read(Eiger + "OD:Capture_RBV") == 0, "the capture closed");

        Assert.Equal(2, _pvs.Read(Eiger + "OD:NumCaptured_RBV"));
        Assert.Equal(2, _frames.Count);
        Assert.Equal(2, _twin.Eiger.LastFiles.Sum(f => f.FrameCount));
    }

    [Theory]
    [InlineData("""[{"fault": "detector_arm_failure", "count": 0}]""", "faults[0].count: must be a positive number of arms")]
    [InlineData("""[{"fault": "slow_file_writes"}]""", "faults[0].mb_per_s: slow_file_writes needs mb_per_s")]
    public void Detector_faults_with_bad_arguments_are_refused_naming_the_field(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<FaultException>(() => FaultInjector.Parse(json)).Message, StringComparison.Ordinal);

    private async Task ArmAsync(string stem, int frames, int triggers)
    {
        await _pvs.PutAsync("BL03S-EA-SHTR-01:CTRL2", 1);
        await _pvs.PutAsync(Eiger + "CAM:ROIMode", 1);
        await _pvs.PutAsync(Eiger + "CAM:TriggerMode", 2);
        await _pvs.PutAsync(Eiger + "CAM:NumImages", 1);
        await _pvs.PutAsync(Eiger + "CAM:NumTriggers", triggers);
        await _pvs.PutAsync(Eiger + "CAM:AcquireTime", 0.004);
        await _pvs.PutAsync(Eiger + "CAM:AcquirePeriod", 0.004);
        await _pvs.PutTextAsync(Eiger + "OD:FilePath", _directory);
        await _pvs.PutTextAsync(Eiger + "OD:FileName", stem);
        await _pvs.PutAsync(Eiger + "OD:NumCapture", frames);
        _twin.Eiger.FramesPerFile = 2;
        await _pvs.PutAsync(Eiger + "OD:Capture", 1);
        await WaitForAsync(() => _pvs.Read(Eiger + "OD:Capture_RBV") == 1, "capturing");
        await _pvs.PutAsync(Eiger + "CAM:Acquire", 1);
        await WaitForAsync(() => _twin.Eiger.IsArmed, "armed");
    }

    private async Task RunTwoGridScanAsync(int xSteps)
    {
        await _pvs.PutAsync("BL03S-EA-ZEBRA-01:OUT1_TTL", 7);
        var fgs = new TwinPvWriter(_twin.Records, "BL03S-MO-SGON-01:FGS:");
        foreach (var (name, value) in new[] { ("X_NUM_STEPS", xSteps), ("Y_NUM_STEPS", 1), ("Z_NUM_STEPS", 1), ("X_STEP_SIZE", 0.02), ("Y_STEP_SIZE", 0.02), ("Z_STEP_SIZE", 0.02), ("DWELL_TIME", 10) })
        {
            await fgs.SetAsync(name, value);
        }

        await _pvs.PutAsync("BL03S-MO-SGON-01:FGS:RUN.PROC", 1);
    }

    private Task WaitForAsync(Func<bool> condition, string what) =>
        _pvs.WaitForAsync(condition, what, () => $"Eiger error: {_twin.Eiger.LastError?.Message}");
}
