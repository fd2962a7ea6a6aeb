using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>
/// The Eiger with its Odin file writer (dodal's ophyd v1 EigerDetector, i03 prefix BL03I-EA-EIGER-01:). Arming
/// runs dodal's chain of steps strictly one after another within an overall time-out; every set is a put whose
/// readback must follow; unstage waits for the writers and disarms; stop cleans up after a failure.
/// </summary>
public sealed class EigerDetector : Device, IStageable, IStoppable
{
    /// <summary>The trigger count that stands in for free running (the Eiger cannot really free run).</summary>
    public const int FreeRunMaxImages = 1000000;

    /// <summary>How long unstage waits for the writers to finish after StartTimeout.</summary>
    public static readonly TimeSpan FilewritersFinishedTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the free-run stop of Odin may take.</summary>
    public static readonly TimeSpan OdinStopTimeout = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger;
    private volatile Status _armingStatus;
    private volatile Status _disarmingStatus;
    private volatile Status? _filewritersFinished;
    private volatile string _armingStep = "not started";

    /// <summary>Creates the detector on <paramref name="prefix"/> with <paramref name="beamline"/>'s time-outs (i03's if unknown).</summary>
    public EigerDetector(string prefix, string name = "", string beamline = "i03", ILogger? logger = null)
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        _logger = logger ?? NullLogger.Instance;
        Beamline = beamline;
        Timeouts = EigerTimeouts.ForBeamline(beamline);
        _armingStatus = Status.CompletedFor(this);
        _disarmingStatus = Status.CompletedFor(this);
        DoArm = new ArmingSignal(this);
        Cam = new EigerDetectorCam(prefix + "CAM:");
        Odin = new EigerOdin(prefix, logger: _logger);
        StaleParams = Epics.SignalR<int>(prefix + "CAM:StaleParameters_RBV");
        BitDepth = Epics.SignalR<int>(prefix + "CAM:BitDepthImage_RBV");
        SetName(name);
    }

    /// <summary>Set to anything to arm in the background.</summary>
    public ArmingSignal DoArm { get; }

    /// <summary>CAM:.</summary>
    public EigerDetectorCam Cam { get; }

    /// <summary>Odin, on the detector prefix.</summary>
    public EigerOdin Odin { get; }

    /// <summary>CAM:StaleParameters_RBV: non-zero while the detector has not taken the parameters yet.</summary>
    public SignalR<int> StaleParams { get; }

    /// <summary>CAM:BitDepthImage_RBV.</summary>
    public SignalR<int> BitDepth { get; }

    /// <summary>The beamline whose time-outs were chosen.</summary>
    public string Beamline { get; }

    /// <summary>The time-outs in force (general status 20 s on i03).</summary>
    public EigerTimeouts Timeouts { get; set; }

    /// <summary>The parameters the next arm uses.</summary>
    public DetectorParams? DetectorParams { get; private set; }

    /// <summary>The latest arm (done before any).</summary>
    public Status ArmingStatus => _armingStatus;

    /// <summary>The latest disarm (done before any; stays running if an unstage failed, as in dodal).</summary>
    public Status DisarmingStatus => _disarmingStatus;

    /// <summary>Completes when the writers have finished the collection the latest arm started; null before an arm got that far.</summary>
    public Status? FilewritersFinished => _filewritersFinished;

    /// <summary>The arming step running now, or the last one run.</summary>
    public string CurrentArmingStep => _armingStep;

    /// <summary>Creates a detector and gives it <paramref name="detectorParams"/> (dodal's with_params).</summary>
    public static EigerDetector WithParams(DetectorParams detectorParams, string prefix = "", string name = "EigerDetector", string beamline = "i03", ILogger? logger = null)
    {
        var detector = new EigerDetector(prefix, name, beamline, logger);
        detector.SetDetectorParameters(detectorParams);
        return detector;
    }

    /// <summary>Sets the parameters for the next arm, checking they have detector sizes and a beam-centre converter.</summary>
    /// <exception cref="ArgumentNullException">"Parameters for scan must be specified".</exception>
    /// <exception cref="DetectorParamsException">Sizes or converter missing, one line each.</exception>
    public void SetDetectorParameters(DetectorParams? detectorParams)
    {
        DetectorParams = detectorParams ?? throw new ArgumentNullException(nameof(detectorParams), "Parameters for scan must be specified");
        var errors = new List<string>();
        if (detectorParams.DetectorSizeConstants is null)
        {
            errors.Add("Detector Size must be set");
        }

        if (detectorParams.BeamXYConverter is null)
        {
            errors.Add("Beam converter must be set");
        }

        if (errors.Count > 0)
        {
            throw new DetectorParamsException(errors);
        }
    }

    /// <summary>
    /// Starts arming: clears Odin node errors, checks Odin is initialised (general time-out; otherwise
    /// <see cref="OdinNotInitialisedException"/>), then runs the arming chain. The status becomes <see cref="ArmingStatus"/>.
    /// </summary>
    public Status AsyncStage()
    {
        var status = new Status(AsyncStageAsync(), this);
        _armingStatus = status;
        return status;
    }

    /// <summary>Whether the fan is ready and the detector reads back Acquire = 1.</summary>
    public async Task<bool> IsArmedAsync(CancellationToken cancellationToken = default) =>
        await Odin.Fan.Ready.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false) == 1
        && await Cam.Acquire.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>If an arm is running, waits for it (arming time-out); an arm that failed makes this fail too.</summary>
    public async Task WaitOnArmingIfStartedAsync(CancellationToken cancellationToken = default)
    {
        var arming = _armingStatus;
        if (arming.Done)
        {
            return;
        }

        EigerLog.WaitingForArming(_logger);
        await WaitWithArmingTimeoutAsync(arming, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for an arm in progress; if the detector is then not armed, arms it and waits (arming time-out).</summary>
    public Status Stage() => new(StageAsync(), this);

    /// <summary>As <see cref="Stage"/>.</summary>
    public async Task StageAsync(CancellationToken cancellationToken = default)
    {
        await WaitOnArmingIfStartedAsync(cancellationToken).ConfigureAwait(false);
        if (!await IsArmedAsync(cancellationToken).ConfigureAwait(false))
        {
            EigerLog.NotArmedArming(_logger);
            await WaitWithArmingTimeoutAsync(AsyncStage(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Finishes a collection and disarms; see <see cref="UnstageAsync"/>.</summary>
    public Status Unstage() => new(UnstageAsync(), this);

    /// <summary>
    /// Waits for an arm in progress; in free run waits for every frame and stops Odin; sets StartTimeout and waits
    /// for the writers to finish. Whatever happened, then disarms, checks Odin's state and leaves ROI mode. Returns
    /// false if frames were dropped or timed out.
    /// </summary>
    public async Task<bool> UnstageAsync(CancellationToken cancellationToken = default)
    {
        var detectorParams = RequireParams();
        var g = Timeouts.GeneralStatusTimeout;
        var disarmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool statusOk;
        try
        {
            _disarmingStatus = new Status(disarmed.Task, this);
            await WaitOnArmingIfStartedAsync(cancellationToken).ConfigureAwait(false);
            if (detectorParams.TriggerMode == TriggerMode.FreeRun)
            {
                await StopOdinWhenAllFramesCollectedAsync(cancellationToken).ConfigureAwait(false);
            }

            await OphydV1.SetAsync(Odin.FileWriter.StartTimeout, 1, g, cancellationToken).ConfigureAwait(false);
            EigerLog.WaitingOnFilewriter(_logger);
            var finished = _filewritersFinished ?? throw new InvalidOperationException($"{Name}: unstage before any arm reached the file writers.");
            await WaitNamingOdinErrorsAsync(finished.Task, FilewritersFinishedTimeout, "waiting for the Odin file writers to finish", cancellationToken).ConfigureAwait(false);
            EigerLog.Disarming(_logger);
        }
        finally
        {
            await DisarmDetectorAsync(cancellationToken).ConfigureAwait(false);
            statusOk = await Odin.CheckAndWaitForOdinStateAsync(g, cancellationToken).ConfigureAwait(false);
            await DisableRoiModeAsync(cancellationToken).ConfigureAwait(false);
        }

        disarmed.SetResult();
        return statusOk;
    }

    /// <summary>
    /// Emergency clean-up (dodal's stop): if a disarm is running, only waits for it; otherwise waits for any arm,
    /// stops Odin, sets StartTimeout, disarms, leaves ROI mode and turns off /dev/shm streaming.
    /// </summary>
    public async ValueTask StopAsync(bool success = true, CancellationToken cancellationToken = default)
    {
        EigerLog.StopCalled(_logger);
        var g = Timeouts.GeneralStatusTimeout;
        var disarming = _disarmingStatus;
        if (!disarming.Done)
        {
            EigerLog.StillDisarming(_logger);
            await WaitNamingOdinErrorsAsync(disarming.Task, Timeouts.ArmingTimeout, "the disarm in progress", cancellationToken).ConfigureAwait(false);
            return;
        }

        await WaitOnArmingIfStartedAsync(cancellationToken).ConfigureAwait(false);
        var stopOdin = Odin.StopAsync(g, cancellationToken);
        await OphydV1.SetAsync(Odin.FileWriter.StartTimeout, 1, g, cancellationToken).ConfigureAwait(false);
        await DisarmDetectorAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(stopOdin, DisableRoiModeAsync(cancellationToken)).ConfigureAwait(false);
        EigerLog.TurningOffDevShm(_logger);
        await OphydV1.SetAsync(Odin.Fan.DevShmEnable, 0, null, cancellationToken).ConfigureAwait(false);
        EigerLog.Stopped(_logger);
    }

    // A disarm that runs out of time is usually an Odin writer in error: the time-out names what the nodes say.
    private async Task WaitNamingOdinErrorsAsync(Task task, TimeSpan limit, string step, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e) when (e is not EigerDisarmTimeoutException)
        {
            var errors = await Odin.Nodes.ReadErrorsAsync(cancellationToken).ConfigureAwait(false);
            throw new EigerDisarmTimeoutException(Name, step, limit, errors, e);
        }
    }

    /// <summary>Free run: waits (all-frames time-out) for NumCaptured to reach the full image count, then always stops Odin (5 s).</summary>
    public async Task StopOdinWhenAllFramesCollectedAsync(CancellationToken cancellationToken = default)
    {
        var detectorParams = RequireParams();
        EigerLog.WaitingOnAllFrames(_logger);
        try
        {
            await OphydV1.AwaitValueAsync(Odin.FileWriter.NumCaptured, detectorParams.FullNumberOfImages, Timeouts.AllFramesTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            EigerLog.StoppingOdin(_logger);
            await Odin.StopAsync(OdinStopTimeout, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>ROIMode, image and chunk sizes for the ROI (<paramref name="enable"/>) or the full detector, together.</summary>
    public Task ChangeRoiModeAsync(bool enable, CancellationToken cancellationToken = default)
    {
        var sizes = RequireParams().DetectorSizeConstants ?? throw new DetectorParamsException(["Detector Size must be set"]);
        var pixels = enable ? sizes.RoiSizePixels : sizes.DetSizePixels;
        var (height, width) = ((int)pixels.Height, (int)pixels.Width);
        var g = Timeouts.GeneralStatusTimeout;
        var writer = Odin.FileWriter;
        return OphydV1.AllAsync(
            cancellationToken,
            ct => OphydV1.SetAsync(Cam.RoiMode, enable ? 1 : 0, g, ct),
            ct => OphydV1.SetAsync(writer.ImageHeight, height, g, ct),
            ct => OphydV1.SetAsync(writer.ImageWidth, width, g, ct),
            ct => OphydV1.SetAsync(writer.NumRowChunks, height, g, ct),
            ct => OphydV1.SetAsync(writer.NumColChunks, width, g, ct));
    }

    /// <summary>Full-detector mode.</summary>
    public Task DisableRoiModeAsync(CancellationToken cancellationToken = default) => ChangeRoiModeAsync(false, cancellationToken);

    /// <summary>ROI (4M) mode.</summary>
    public Task EnableRoiModeAsync(CancellationToken cancellationToken = default) => ChangeRoiModeAsync(true, cancellationToken);

    /// <summary>Exposure time and period, one exposure, multiple-image mode and external-series triggering, together.</summary>
    public Task SetCamPvsAsync(CancellationToken cancellationToken = default)
    {
        var exposure = RequireParams().ExposureTimeS;
        var g = Timeouts.GeneralStatusTimeout;
        return OphydV1.AllAsync(
            cancellationToken,
            ct => OphydV1.SetAsync(Cam.AcquireTime, exposure, g, ct),
            ct => OphydV1.SetAsync(Cam.AcquirePeriod, exposure, g, ct),
            ct => OphydV1.SetAsync(Cam.NumExposures, 1, g, ct),
            ct => OphydV1.SetAsync(Cam.ImageMode, EigerDetectorCam.ImageModeMultiple, g, ct),
            ct => OphydV1.SetAsync(Cam.TriggerMode, (int)InternalEigerTriggerMode.ExternalSeries, g, ct));
    }

    /// <summary>One frame per HDF5 chunk.</summary>
    public Task SetOdinNumberOfFrameChunksAsync(CancellationToken cancellationToken = default) =>
        OphydV1.SetAsync(Odin.FileWriter.NumFramesChunks, 1, Timeouts.GeneralStatusTimeout, cancellationToken);

    /// <summary>
    /// File path and name ({prefix}_{run_number}), then waits until the meta listener's file name and the
    /// acquisition id both read exactly that name, all together.
    /// </summary>
    public Task SetOdinPvsAsync(CancellationToken cancellationToken = default)
    {
        var detectorParams = RequireParams();
        var filePrefix = detectorParams.FullFilename;
        var directory = detectorParams.Directory;
        var g = Timeouts.GeneralStatusTimeout;
        return OphydV1.AllAsync(
            cancellationToken,
            ct => OphydV1.SetAsync(Odin.FileWriter.FilePath, directory, g, ct, v => SamePath(v, directory)),
            ct => OphydV1.SetAsync(Odin.FileWriter.FileName, filePrefix, g, ct),
            ct => OphydV1.AwaitValueAsync(Odin.Meta.FileName, filePrefix, g, ct),
            ct => OphydV1.AwaitValueAsync(Odin.FileWriter.Id, filePrefix, g, ct));
    }

    /// <summary>Beam centre (pixels, from the lookup table), detector distance and omega start and increment for the header, together.</summary>
    public Task SetMxSettingsPvsAsync(CancellationToken cancellationToken = default)
    {
        var p = RequireParams();
        var (beamX, beamY) = p.GetBeamPositionPixels(p.DetectorDistance);
        var g = Timeouts.GeneralStatusTimeout;
        return OphydV1.AllAsync(
            cancellationToken,
            ct => OphydV1.SetAsync(Cam.BeamCenterX, beamX, g, ct),
            ct => OphydV1.SetAsync(Cam.BeamCenterY, beamY, g, ct),
            ct => OphydV1.SetAsync(Cam.DetDistance, p.DetectorDistance, g, ct),
            ct => OphydV1.SetAsync(Cam.OmegaStart, p.OmegaStart, g, ct),
            ct => OphydV1.SetAsync(Cam.OmegaIncr, p.OmegaIncrement, g, ct));
    }

    /// <summary>Sets PhotonEnergy to <paramref name="energy"/> eV unless it already reads within <paramref name="tolerance"/>.</summary>
    public async Task SetDetectorThresholdAsync(double energy, double tolerance = 0.1, CancellationToken cancellationToken = default)
    {
        var current = await Cam.PhotonEnergy.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (Math.Abs(current - energy) > tolerance)
        {
            await OphydV1.SetAsync(Cam.PhotonEnergy, energy, Timeouts.GeneralStatusTimeout, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Images per trigger, and triggers and frames to write: the parameters' counts, or in free run
    /// <see cref="FreeRunMaxImages"/> triggers and 0 frames (write until stopped); together.
    /// </summary>
    public Task SetNumTriggersAndCapturesAsync(CancellationToken cancellationToken = default)
    {
        var p = RequireParams();
        var g = Timeouts.GeneralStatusTimeout;
        var (triggers, captures) = p.TriggerMode == TriggerMode.FreeRun ? (FreeRunMaxImages, 0) : (p.NumTriggers, p.FullNumberOfImages);
        return OphydV1.AllAsync(
            cancellationToken,
            ct => OphydV1.SetAsync(Cam.NumImages, p.NumImagesPerTrigger, g, ct),
            ct => OphydV1.SetAsync(Cam.NumTriggers, triggers, g, ct),
            ct => OphydV1.SetAsync(Odin.FileWriter.NumCapture, captures, g, ct));
    }

    /// <summary>Tells the writer the image data type: "UInt{bit depth}".</summary>
    public async Task ForwardBitDepthToFilewriterAsync(CancellationToken cancellationToken = default)
    {
        var bitDepth = await BitDepth.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await OphydV1.SetAsync(Odin.FileWriter.DataType, $"UInt{bitDepth}", Timeouts.GeneralStatusTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns the fan's /dev/shm streaming on or off (no time-out of its own).</summary>
    public Task ChangeDevShmAsync(bool enableDevShm, CancellationToken cancellationToken = default)
    {
        EigerLog.ChangingDevShm(_logger, enableDevShm ? "Enabling" : "Disabling");
        return OphydV1.SetAsync(Odin.Fan.DevShmEnable, enableDevShm ? 1 : 0, null, cancellationToken);
    }

    /// <summary>Acquire ← 0, waiting for the readback.</summary>
    public Task DisarmDetectorAsync(CancellationToken cancellationToken = default) =>
        OphydV1.SetAsync(Cam.Acquire, 0, Timeouts.GeneralStatusTimeout, cancellationToken);

    /// <summary>
    /// The arming chain, each step starting when the one before has finished, within the overall arming time-out
    /// (<see cref="EigerArmingTimeoutException"/>); a failed step fails the chain with its error. Does not itself
    /// become <see cref="ArmingStatus"/> (use <see cref="AsyncStage"/> or <see cref="DoArm"/>).
    /// </summary>
    public Status DoArmingChain() => new(ArmingChainAsync(RequireParams(), CancellationToken.None), this);

    /// <summary>The names of the arming steps for <paramref name="detectorParams"/>, in the order they run.</summary>
    public IReadOnlyList<string> ArmingStepNames(DetectorParams detectorParams) => [.. ArmingSteps(detectorParams).Select(s => s.Name)];

    private async Task AsyncStageAsync()
    {
        await Odin.Nodes.ClearOdinErrorsAsync().ConfigureAwait(false);
        var (ok, message) = await Odin.WaitForOdinInitialisedAsync(Timeouts.GeneralStatusTimeout).ConfigureAwait(false);
        if (!ok)
        {
            throw new OdinNotInitialisedException(Name, message);
        }

        await ArmingChainAsync(RequireParams(), CancellationToken.None).ConfigureAwait(false);
    }

    private async Task ArmingChainAsync(DetectorParams p, CancellationToken cancellationToken)
    {
        var limit = Timeouts.ArmingTimeout;
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        overall.CancelAfter(limit);
        foreach (var (name, step) in ArmingSteps(p))
        {
            _armingStep = name;
            try
            {
                await step(overall.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (overall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var timeout = new EigerArmingTimeoutException(Name, name, limit, e);
                EigerLog.StepFailed(_logger, name, timeout.Message);
                throw timeout;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                EigerLog.StepFailed(_logger, name, e.Message);
                throw;
            }
        }
    }

    private List<(string Name, Func<CancellationToken, Task> Step)> ArmingSteps(DetectorParams p)
    {
        var g = Timeouts.GeneralStatusTimeout;
        var steps = new List<(string, Func<CancellationToken, Task>)>();
        if (p.UseRoiMode)
        {
            steps.Add(("enable_roi_mode", EnableRoiModeAsync));
        }

        // A beam dump between arming and staging can make Odin time out and the arm be retried; an Odin left
        // capturing by the earlier arm must be reset first.
        steps.Add(("odin.stop", ct => Odin.StopAsync(null, ct)));
        steps.Add(("change_dev_shm", ct => ChangeDevShmAsync(p.EnableDevShm, ct)));
        steps.Add(("set_detector_threshold", ct => SetDetectorThresholdAsync(
            p.ExpectedEnergyEv ?? throw new DetectorParamsException(["expected_energy_ev must be set to arm"]), cancellationToken: ct)));
        steps.Add(("set_cam_pvs", SetCamPvsAsync));
        steps.Add(("set_odin_number_of_frame_chunks", SetOdinNumberOfFrameChunksAsync));
        steps.Add(("set_odin_pvs", SetOdinPvsAsync));
        steps.Add(("set_mx_settings_pvs", SetMxSettingsPvsAsync));
        steps.Add(("set_num_triggers_and_captures", SetNumTriggersAndCapturesAsync));
        steps.Add(("await stale_params", ct => OphydV1.AwaitValueAsync(StaleParams, 0, Timeouts.StaleParamsTimeout, ct)));
        steps.Add(("_wait_for_odin_status", WaitForOdinStatusAsync));
        steps.Add(("cam.acquire", ct => OphydV1.SetAsync(Cam.Acquire, 1, g, ct)));
        steps.Add(("_wait_fan_ready", WaitFanReadyAsync));
        steps.Add(("_finish_arm", _ =>
        {
            EigerLog.FinishingArming(_logger);
            return Task.CompletedTask;
        }
        ));
        return steps;
    }

    private async Task WaitForOdinStatusAsync(CancellationToken cancellationToken)
    {
        var g = Timeouts.GeneralStatusTimeout;
        await ForwardBitDepthToFilewriterAsync(cancellationToken).ConfigureAwait(false);
        await OphydV1.AwaitValueAsync(Odin.Meta.Active, 1, g, cancellationToken).ConfigureAwait(false);
        await OphydV1.AllAsync(
            cancellationToken,
            ct => OphydV1.SetAsync(Odin.FileWriter.Capture, 1, g, ct),
            ct =>
            {
                EigerLog.AwaitingMetadata(_logger);
                return OphydV1.AwaitValueAsync(Odin.Meta.Ready, 1, Timeouts.MetaFileReadyTimeout, ct);
            }).ConfigureAwait(false);
    }

    private Task WaitFanReadyAsync(CancellationToken cancellationToken)
    {
        // The writers finish long after arming; unstage waits on this, so it must not end with the arm.
        _filewritersFinished = Odin.CreateFinishedStatus(CancellationToken.None);
        EigerLog.AwaitingFanReady(_logger);
        return OphydV1.AwaitValueAsync(Odin.Fan.Ready, 1, Timeouts.GeneralStatusTimeout, cancellationToken);
    }

    private async Task WaitWithArmingTimeoutAsync(Status arming, CancellationToken cancellationToken)
    {
        try
        {
            await arming.Task.WaitAsync(Timeouts.ArmingTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e) when (!arming.Done)
        {
            throw new EigerArmingTimeoutException(Name, _armingStep, Timeouts.ArmingTimeout, e);
        }
    }

    private DetectorParams RequireParams() =>
        DetectorParams ?? throw new InvalidOperationException($"{Name}: detector parameters must be set (SetDetectorParameters) first.");

    // ophyd's EpicsPathSignal compares as PurePosixPath: a trailing '/' does not count.
    private static bool SamePath(string a, string b) => TrimSlash(a) == TrimSlash(b);

    private static string TrimSlash(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
