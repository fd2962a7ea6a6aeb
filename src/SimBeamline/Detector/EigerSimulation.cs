using System.Threading.Channels;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.Records;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Beam;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Diffraction;
using Hyperion.SimBeamline.Samples;
using Hyperion.SimBeamline.Zebra;

namespace Hyperion.SimBeamline.Detector;

/// <summary>
/// The twin's Eiger 16M and its Odin file writers. Odin reports itself initialised; a file name set is echoed as
/// the acquisition id and to the meta listener; Capture opens the data files (<c>{FileName}_000001.h5</c> in
/// FilePath, UInt32 or UInt16 as DataType says, bitshuffle-LZ4 unless <see cref="Compression"/> says otherwise);
/// Acquire arms the detector, and in the external trigger modes each trigger from the Zebra's detector output
/// exposes NumImages frames at AcquirePeriod: a grid point's frame is a still where the point put the sample, a
/// rotation's frames integrate omega as it actually turned. Frames are rendered from the sample's crystal
/// (<see cref="DiffractionRenderer"/>) at the beam's energy, the attenuator's transmission, the ring current and
/// the sample shutter's state, then written in order; NumCaptured counts them and the capture ends when it has all.
/// The detector geometry is the 16M (or the 4M ROI in ROI mode) at the detector stage's distance with the beam
/// centre the camera was given (BeamX/BeamY; the detector's middle when unset).
/// </summary>
public sealed class EigerSimulation : TwinController<EigerCommand>
{
    private const int OdinNodes = 4;

    private readonly TwinPvWriter _eiger;
    private readonly TwinPvWriter _smargon;
    private readonly TwinPvWriter _attenuator;
    private readonly TwinPvWriter _shutter;
    private readonly TwinPvWriter _detectorMotion;
    private readonly BeamSimulation _beam;
    private readonly SmargonSimulation _goniometer;
    private readonly RecordDatabase _records;
    private readonly SampleDefinition _sample;
    private readonly TimeProvider _time;
    private readonly Channel<PendingFrame> _frames = Channel.CreateUnbounded<PendingFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<DetectorGeometry, DiffractionRenderer> _renderers = [];
    private readonly Task _writing;
    private EigerCapture? _capture;
    private DiffractionRenderer? _renderer;
    private CancellationTokenSource? _exposing;
    private Task _series = Task.CompletedTask;
    private int _armsToFail;
    private long _armedAt;
    private OdinMetaHeader? _header;
    private int _triggersLeft;
    private int _acquisition;
    private int _frameInAcquisition;
    private bool _armed;

    /// <summary>Starts the detector on the twin's records.</summary>
    /// <param name="records">The twin's records.</param>
    /// <param name="beamline">The beamline prefix (BL03S or BL03I).</param>
    /// <param name="sample">The sample whose crystal diffracts.</param>
    /// <param name="beam">The beam the optics deliver (flux, size, wavelength).</param>
    /// <param name="goniometer">The smargon's coordinate system (where the sample really is).</param>
    /// <param name="timeProvider">The twin's clock (default: the records').</param>
    public EigerSimulation(RecordDatabase records, string beamline, SampleDefinition sample, BeamSimulation beam, SmargonSimulation goniometer, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(beam);
        ArgumentNullException.ThrowIfNull(goniometer);
        _beam = beam;
        _goniometer = goniometer;
        _records = records;
        _sample = sample;
        _time = timeProvider ?? records.TimeProvider;
        _eiger = new TwinPvWriter(records, $"{beamline}-EA-EIGER-01:");
        _smargon = new TwinPvWriter(records, $"{beamline}-MO-SGON-01:");
        _attenuator = new TwinPvWriter(records, $"{beamline}-EA-ATTN-01:");
        _shutter = new TwinPvWriter(records, $"{beamline}-EA-SHTR-01:");
        _detectorMotion = new TwinPvWriter(records, $"{beamline}-MO-DET-01:");

        // Record events run under the database's lock: they only queue.
        _eiger.Record("OD:FileName").Processed += _ => Post(new EigerCommand(EigerCommandKind.FileName));
        _eiger.Record("OD:FilePath").Processed += _ => Post(new EigerCommand(EigerCommandKind.FilePath));
        _eiger.Record("OD:Capture").Processed += r => Post(new EigerCommand(EigerCommandKind.Capture, r.ValueField.Number));
        _eiger.Record("OD:META:Stop").Processed += _ => Post(new EigerCommand(EigerCommandKind.MetaStop));

        // Odin's StartTimeout lets the writers close once frames stop coming: they finish with the frames exposed so far.
        _eiger.Record("OD:StartTimeout").Processed += _ => Post(new EigerCommand(EigerCommandKind.StartTimeout));
        _eiger.Record("CAM:Acquire").Processed += r => Post(new EigerCommand(EigerCommandKind.Acquire, r.ValueField.Number));
        for (var node = 1; node <= OdinNodes; node++)
        {
            _eiger.Record($"OD{node}:FPClearErrors").Processed += _ => Post(new EigerCommand(EigerCommandKind.ClearErrors));
        }

        _writing = WriteFramesAsync();
        Start();
    }

    /// <summary>A frame was written (on the writer's thread; handlers must be quick).</summary>
    public event Action<EigerFrame>? FrameWritten;

    /// <summary>How the data files are compressed (bitshuffle-LZ4 as Odin writes them, or none).</summary>
    public FrameCompression Compression { get; set; } = FrameCompression.BitshuffleLz4;

    /// <summary>Frames per data file.</summary>
    public int FramesPerFile { get; set; } = 1000;

    /// <summary>Renderer settings (noise, background, spot shapes).</summary>
    public DiffractionOptions DiffractionOptions { get; set; } = new();

    /// <summary>A slow file system: at most this many bytes per second of twin time reach the disk (null: no limit).</summary>
    public double? WriteBytesPerSecond { get; set; }

    /// <summary>The files the last capture finished.</summary>
    public IReadOnlyList<DataFileInfo> LastFiles { get; private set; } = [];

    /// <summary>The meta file (<c>{FileName}_meta.h5</c>) the last capture wrote, or null.</summary>
    public string? LastMetaFile { get; private set; }

    /// <summary>The detector geometry of the last arm (what a NeXus master of its frames records).</summary>
    public DetectorGeometry? ArmedGeometry { get; private set; }

    /// <summary>
    /// When the sample shutter opened and closed: each frame is lit for the part of its exposure the shutter was open
    /// (null: the shutter's position when the trigger came decides the whole series).
    /// </summary>
    public ShutterTimeline? Shutter { get; init; }

    /// <summary>True while armed.</summary>
    public bool IsArmed => Volatile.Read(ref _armed);

    /// <summary>Makes the next <paramref name="count"/> arms fail: the detector never reports ready (a detector arm failure).</summary>
    public void FailArms(int count) => Interlocked.Exchange(ref _armsToFail, Math.Max(0, count));

    /// <summary>An external trigger (the Zebra's detector output).</summary>
    public void Trigger(ZebraTrigger trigger) => Post(new EigerCommand(EigerCommandKind.Trigger, Context: trigger));

    /// <inheritdoc/>
    protected override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Odin is up: its processes connected, its writers error-free, the fan's consumers connected.
        for (var node = 1; node <= OdinNodes; node++)
        {
            await _eiger.SetAsync($"OD{node}:FPProcessConnected_RBV", 1, cancellationToken).ConfigureAwait(false);
            await _eiger.SetAsync($"OD{node}:FRProcessConnected_RBV", 1, cancellationToken).ConfigureAwait(false);
            await _eiger.SetAsync($"OD{node}:FPErrorState_RBV", 0, cancellationToken).ConfigureAwait(false);
        }

        await _eiger.SetAsync("OD:FAN:ProcessConnected_RBV", 1, cancellationToken).ConfigureAwait(false);
        await _eiger.SetAsync("OD:FAN:AllConsumersConnected_RBV", 1, cancellationToken).ConfigureAwait(false);
        await _eiger.SetAsync("OD:META:ProcessConnected_RBV", 1, cancellationToken).ConfigureAwait(false);
        await _eiger.SetAsync("CAM:BitDepthImage_RBV", 32, cancellationToken).ConfigureAwait(false);
        await _eiger.SetAsync("CAM:StaleParameters_RBV", 0, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async Task HandleAsync(EigerCommand command, CancellationToken cancellationToken)
    {
        switch (command.Kind)
        {
            case EigerCommandKind.FileName:
                var name = Text("OD:FileName");
                await _eiger.SetTextAsync("OD:FileName_RBV", name, cancellationToken).ConfigureAwait(false);
                await _eiger.SetTextAsync("OD:AcquisitionID_RBV", name, cancellationToken).ConfigureAwait(false);
                await _eiger.SetTextAsync("OD:META:FileName", name, cancellationToken).ConfigureAwait(false);
                await _eiger.SetAsync("OD:META:AcquisitionActive_RBV", name.Length > 0 ? 1 : 0, cancellationToken).ConfigureAwait(false);
                break;
            case EigerCommandKind.FilePath:
                await _eiger.SetTextAsync("OD:FilePath_RBV", Text("OD:FilePath"), cancellationToken).ConfigureAwait(false);
                break;
            case EigerCommandKind.Capture when command.Number != 0:
                await StartCaptureAsync(cancellationToken).ConfigureAwait(false);
                break;
            case EigerCommandKind.Capture:
                await StopCaptureAsync(cancellationToken).ConfigureAwait(false);
                break;
            case EigerCommandKind.MetaStop:
                await _eiger.SetAsync("OD:META:Writing_RBV", 0, cancellationToken).ConfigureAwait(false);
                break;
            case EigerCommandKind.Acquire when command.Number != 0:
                await ArmAsync(cancellationToken).ConfigureAwait(false);
                break;
            case EigerCommandKind.Acquire:
                await DisarmAsync(cancellationToken).ConfigureAwait(false);
                break;
            case EigerCommandKind.AcquisitionDone:
                await DisarmAsync(cancellationToken, stopExposing: false).ConfigureAwait(false);
                break;
            case EigerCommandKind.Trigger when _armed && _triggersLeft > 0 && (int)Number("CAM:TriggerMode") >= 2:
                _triggersLeft--;
                var trigger = (ZebraTrigger)command.Context!;
                Expose(trigger.Context, last: _triggersLeft == 0, trigger.Timestamp);
                break;
            case EigerCommandKind.FrameWritten:
                await FrameWrittenAsync((int)command.Number, cancellationToken).ConfigureAwait(false);
                break;
            case EigerCommandKind.WriteFailed:
                await StopCaptureAsync(cancellationToken).ConfigureAwait(false);
                var failure = (Exception)command.Context!;
                await ReportWriterErrorAsync(new OdinWriterException($"Odin could not write a frame: {failure.Message}", failure), cancellationToken).ConfigureAwait(false);
                break;
            case EigerCommandKind.StartTimeout when _capture is { } capture:
                _ = CloseWhenExposedAsync(capture, _series);
                break;
            case EigerCommandKind.StartTimeout:
                break;
            case EigerCommandKind.CloseCapture when ReferenceEquals(command.Context, _capture):
                await StopCaptureAsync(cancellationToken).ConfigureAwait(false);
                break;
            case EigerCommandKind.CloseCapture:
                break;
            case EigerCommandKind.ClearErrors:
                for (var node = 1; node <= OdinNodes; node++)
                {
                    await _eiger.SetAsync($"OD{node}:FPErrorState_RBV", 0, cancellationToken).ConfigureAwait(false);
                    await _eiger.SetAsync($"OD{node}:FPErrorMessage_RBV", string.Empty, cancellationToken).ConfigureAwait(false);
                }

                break;
            default:
                break;
        }
    }

    /// <inheritdoc/>
    protected override async Task OnDisposeAsync()
    {
        _frames.Writer.TryComplete();
        CancelExposure();
        await _writing.ConfigureAwait(false);
        _capture?.Dispose();
    }

    private async Task StartCaptureAsync(CancellationToken cancellationToken)
    {
        _capture?.Dispose();
        _capture = null;
        var (width, height) = ((int)Number("OD:ImageWidth"), (int)Number("OD:ImageHeight"));
        var geometry = Geometry();
        if (width <= 0 || height <= 0)
        {
            (width, height) = (geometry.Width, geometry.Height);
        }

        var options = new DataFileOptions
        {
            PixelType = Text("OD:DataType").Contains("16", StringComparison.Ordinal) ? PixelType.UInt16 : PixelType.UInt32,
            Compression = Compression,
            FramesPerFile = FramesPerFile,
        };
        try
        {
            var writer = new DataFileSeriesWriter(Text("OD:FilePath"), Text("OD:FileName"), width, height, options);
            // NumCapture 0 tells Odin to write until it is stopped (how dodal arms a free-running grid scan).
            var frames = (int)Number("OD:NumCapture");
            _capture = new EigerCapture(writer, frames > 0 ? frames : int.MaxValue);
        }
        catch (Exception e) when (e is NexusException or ArgumentException or IOException)
        {
            // The record's link already echoed the demand: Odin is not capturing.
            await _eiger.SetAsync("OD:Capture_RBV", 0, cancellationToken).ConfigureAwait(false);
            await ReportWriterErrorAsync(new OdinWriterException($"Odin could not open its data files: {e.Message}", e), cancellationToken).ConfigureAwait(false);
            return;
        }

        await _eiger.SetAsync("OD:NumCaptured_RBV", 0, cancellationToken).ConfigureAwait(false);
        await _eiger.SetAsync("OD:Capture_RBV", 1, cancellationToken).ConfigureAwait(false);
        for (var node = 1; node <= OdinNodes; node++)
        {
            await _eiger.SetAsync($"OD{node}:NumCaptured_RBV", 0, cancellationToken).ConfigureAwait(false);
            await _eiger.SetAsync($"OD{node}:Writing_RBV", 1, cancellationToken).ConfigureAwait(false);
        }

        await _eiger.SetAsync("OD:META:Writing_RBV", 1, cancellationToken).ConfigureAwait(false);
    }

    private async Task StopCaptureAsync(CancellationToken cancellationToken)
    {
        if (_capture is { } capture)
        {
            _capture = null;
            LastFiles = capture.Close();
            await WriteMetaAsync(capture, cancellationToken).ConfigureAwait(false);
        }

        await _eiger.SetAsync("OD:Capture_RBV", 0, cancellationToken).ConfigureAwait(false);
        for (var node = 1; node <= OdinNodes; node++)
        {
            await _eiger.SetAsync($"OD{node}:Writing_RBV", 0, cancellationToken).ConfigureAwait(false);
        }

        await _eiger.SetAsync("OD:META:Writing_RBV", 0, cancellationToken).ConfigureAwait(false);
    }

    private async Task ArmAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _armsToFail) >= 0)
        {
            // A detector that does not arm: Acquire stays 0, the fan never reports ready, Odin logs why.
            await _eiger.SetAsync("CAM:Acquire_RBV", 0, cancellationToken).ConfigureAwait(false);
            await ReportWriterErrorAsync(new OdinWriterException("Eiger arm failed: the detector did not acknowledge the arm command (fault: detector_arm_failure)"), cancellationToken).ConfigureAwait(false);
            return;
        }

        Interlocked.Exchange(ref _armsToFail, 0);
        var geometry = Geometry();
        if (!_renderers.TryGetValue(geometry, out var renderer))
        {
            renderer = new DiffractionRenderer(_sample, geometry, GoniometerGeometry.I03, DiffractionOptions);
            _renderers[geometry] = renderer;
        }

        _renderer = renderer;
        ArmedGeometry = geometry;
        _acquisition++;
        _armedAt = _time.GetTimestamp();
        _header = Header(geometry);
        _frameInAcquisition = 0;
        _triggersLeft = Math.Max(1, (int)Number("CAM:NumTriggers"));
        Volatile.Write(ref _armed, true);
        await _eiger.SetAsync("CAM:Acquire_RBV", 1, cancellationToken).ConfigureAwait(false);
        await _eiger.SetAsync("OD:FAN:StateReady_RBV", 1, cancellationToken).ConfigureAwait(false);
        if ((int)Number("CAM:TriggerMode") < 2)
        {
            // Internal triggering: the series starts at the arm.
            _triggersLeft = 0;
            Expose(null, last: true);
        }
    }

    private async Task DisarmAsync(CancellationToken cancellationToken, bool stopExposing = true)
    {
        if (stopExposing)
        {
            CancelExposure();
        }

        Volatile.Write(ref _armed, false);
        _triggersLeft = 0;
        await _eiger.SetAsync("CAM:Acquire_RBV", 0, cancellationToken).ConfigureAwait(false);
        await _eiger.SetAsync("OD:FAN:StateReady_RBV", 0, cancellationToken).ConfigureAwait(false);
    }

    // One trigger: a grid point gives one still where it put the sample; otherwise NumImages frames at
    // AcquirePeriod, each integrating omega as it turns during the exposure.
    private void Expose(object? context, bool last, long? at = null)
    {
        var exposure = Math.Max(Number("CAM:AcquireTime"), 1e-6);
        var period = Math.Max(Number("CAM:AcquirePeriod"), exposure);
        var images = Math.Max(1, (int)Number("CAM:NumImages"));
        var beam = Beam();
        if (context is GridPointTrigger point)
        {
            // The grid point's demand is in the smargon's coordinates; the sample is where the dial positions put it.
            var now = _time.GetTimestamp();
            Queue(_goniometer.ToPhysical(new Vector3D(point.X, point.Y, point.Z)), Omega(), 0, exposure, Lit(beam, now, now + (long)(exposure * _time.TimestampFrequency)), _time.GetElapsedTime(_armedAt).TotalSeconds);
            if (last)
            {
                Post(new EigerCommand(EigerCommandKind.AcquisitionDone));
            }

            return;
        }

        // A trigger arriving while a series runs starts its series when that one ends.
        _exposing ??= new CancellationTokenSource();
        var previous = _series;
        var token = _exposing.Token;
        // A series starts when its trigger came (when the Zebra says), unless it waits for the one before it.
        var start = previous.IsCompleted ? at : null;
        _series = SeriesAfterAsync(previous, images, exposure, period, beam, last, start, token);
    }

    private async Task SeriesAfterAsync(Task previous, int images, double exposure, double period, (BeamGeometry Beam, double Transmission) beam, bool last, long? start, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(false);
        await ExposeSeriesAsync(images, exposure, period, beam, last, start, cancellationToken).ConfigureAwait(false);
    }

    private async Task ExposeSeriesAsync(int images, double exposure, double period, (BeamGeometry Beam, double Transmission) beam, bool last, long? triggeredAt, CancellationToken cancellationToken)
    {
        try
        {
            // Frame i is exposed over [t0 + i·period, t0 + i·period + exposure] exactly; the timer only says when it
            // is over, and omega is read along its motion at those instants.
            var now = _time.GetTimestamp();
            var t0 = triggeredAt is { } due && due <= now ? due : now;
            long Stamp(double seconds) => t0 + (long)(seconds * _time.TimestampFrequency);
            for (var i = 0; i < images; i++)
            {
                var (from, to) = (Stamp(i * period), Stamp((i * period) + exposure));
                var wait = TimeSpan.FromSeconds((i * period) + exposure) - _time.GetElapsedTime(t0);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }

                var (start, end) = (OmegaAt(from), OmegaAt(to));
                Queue(Stage(), Math.Min(start, end), Math.Abs(end - start), exposure, Lit(beam, from, to), _time.GetElapsedTime(_armedAt, from).TotalSeconds);
            }

            if (last)
            {
                Post(new EigerCommand(EigerCommandKind.AcquisitionDone));
            }
        }
        catch (OperationCanceledException)
        {
            // Disarmed mid-series.
        }
    }

    // The writers time out after the last frame arrives: wait for the series being exposed, then queue the close
    // behind the frames it produced, so none already exposed is lost however far rendering lags behind.
    private async Task CloseWhenExposedAsync(EigerCapture capture, Task series)
    {
        await series.ConfigureAwait(false);
        _frames.Writer.TryWrite(PendingFrame.CloseMark(capture));
    }

    private void CancelExposure()
    {
        _exposing?.Cancel();
        _exposing?.Dispose();
        _exposing = null;
    }

    private void Queue(Vector3D stage, double omegaStart, double oscillation, double exposure, (BeamGeometry Beam, double Transmission) beam, double startSeconds)
    {
        if (_capture is not { } capture || _renderer is not { } renderer)
        {
            // Frames with no capture running go nowhere, as with Odin stopped.
            return;
        }

        var frame = Interlocked.Increment(ref _frameInAcquisition);
        var request = new FrameRequest
        {
            StagePositionMm = stage,
            OmegaStartDegrees = omegaStart,
            OscillationDegrees = oscillation,
            ExposureSeconds = exposure,
            Beam = beam.Beam,
            Transmission = beam.Transmission,
            Seed = unchecked(((ulong)(uint)_sample.Seed << 40) ^ ((ulong)(uint)_acquisition << 24) ^ (uint)frame),
        };
        _frames.Writer.TryWrite(new PendingFrame(capture, renderer, request, startSeconds));
    }

    // The writer: renders and writes frames in order, off the controller's worker.
    private async Task WriteFramesAsync()
    {
        await Task.Yield();
        await foreach (var pending in _frames.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (pending.Close)
            {
                Post(new EigerCommand(EigerCommandKind.CloseCapture, Context: pending.Capture));
                continue;
            }

            try
            {
                var (written, truth, number) = pending.Capture.Write(pending.Renderer!, pending.Request!, pending.StartSeconds);
                if (!written)
                {
                    continue;
                }

                FrameWritten?.Invoke(new EigerFrame(number, pending.Request!, truth!));
                if (WriteBytesPerSecond is { } rate && rate > 0)
                {
                    var bytes = (double)pending.Capture.Writer.Width * pending.Capture.Writer.Height * (pending.Capture.Writer.Options.PixelType == PixelType.UInt16 ? 2 : 4);
                    await Task.Delay(TimeSpan.FromSeconds(bytes / rate), _time).ConfigureAwait(false);
                }

                Post(new EigerCommand(EigerCommandKind.FrameWritten, number, pending.Capture));
            }
            catch (Exception e) when (e is NexusException or IOException or ArgumentException)
            {
                Post(new EigerCommand(EigerCommandKind.WriteFailed, Context: e));
            }
        }
    }

    private async Task FrameWrittenAsync(int written, CancellationToken cancellationToken)
    {
        await _eiger.SetAsync("OD:NumCaptured_RBV", written, cancellationToken).ConfigureAwait(false);
        var node = ((written - 1) % OdinNodes) + 1;
        await _eiger.SetAsync($"OD{node}:NumCaptured_RBV", ((written - node) / OdinNodes) + 1, cancellationToken).ConfigureAwait(false);
        await _eiger.SetAsync("OD:FAN:FramesSent_RBV", written, cancellationToken).ConfigureAwait(false);
        if (_capture is { } capture && written >= capture.Expected)
        {
            await StopCaptureAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Odin's first writer reports the error (its message cut to a stringin's 39 characters); the twin's log keeps it whole.
    private async Task ReportWriterErrorAsync(OdinWriterException error, CancellationToken cancellationToken)
    {
        RecordError(error);
        // The message PV holds 39 characters: lead with the file and what went wrong, not the wording around them.
        var summary = error.InnerException is NexusException { FilePath: { } file } nexus
            ? $"{Path.GetFileName(file)}: {nexus.Message.Replace("The file ", string.Empty, StringComparison.Ordinal)}"
            : error.Message;
        var text = summary.Length > 39 ? summary[..39] : summary;
        await _eiger.SetAsync("OD1:FPErrorState_RBV", 1, cancellationToken).ConfigureAwait(false);
        await _eiger.SetAsync("OD1:FPErrorMessage_RBV", text, cancellationToken).ConfigureAwait(false);
    }

    // Odin's meta writer: beside the data files, what each frame was and the detector's header at the arm.
    private async Task WriteMetaAsync(EigerCapture capture, CancellationToken cancellationToken)
    {
        var path = Path.Combine(capture.Writer.Directory, OdinMetaWriter.FileName(capture.Writer.Stem));
        try
        {
            OdinMetaWriter.Write(path, _header ?? Header(Geometry()), capture.Meta, capture.Writer.Options.Compression, overwrite: true);
            LastMetaFile = path;
        }
        catch (NexusException e)
        {
            await ReportWriterErrorAsync(new OdinWriterException($"Odin could not write its meta file: {e.Message}", e), cancellationToken).ConfigureAwait(false);
        }
    }

    private OdinMetaHeader Header(DetectorGeometry geometry)
    {
        var exposure = Number("CAM:AcquireTime");
        return new OdinMetaHeader
        {
            Series = _acquisition,
            CountTimeSeconds = exposure,
            FrameTimeSeconds = Math.Max(Number("CAM:AcquirePeriod"), exposure),
            ImagesPerTrigger = Math.Max(1, (int)Number("CAM:NumImages")),
            Triggers = Math.Max(1, (int)Number("CAM:NumTriggers")),
            BeamCentreX = geometry.BeamCentreFast,
            BeamCentreY = geometry.BeamCentreSlow,
            DetectorDistanceMetres = geometry.DistanceMm / 1000,
            WavelengthAngstrom = _beam.Current().Beam.WavelengthAngstrom,
            PixelSizeMetres = geometry.PixelSizeMm / 1000,
            Width = geometry.Width,
            Height = geometry.Height,
            OmegaStartDegrees = Number("CAM:OmegaStart"),
            OmegaIncrementDegrees = Number("CAM:OmegaIncr"),
            TriggerMode = (int)Number("CAM:TriggerMode") >= 2 ? "exts" : "ints",
            Description = Number("CAM:ROIMode") != 0 ? "Dectris EIGER2 Si 16M (4M ROI)" : "Dectris EIGER2 Si 16M",
            CollectionDate = _time.GetUtcNow(),
        };
    }

    private DetectorGeometry Geometry()
    {
        var distance = _detectorMotion.Get("Z.RBV").GetDouble();
        var roi = Number("CAM:ROIMode") != 0;
        var geometry = roi ? DetectorGeometry.Eiger4M(distance) : DetectorGeometry.Eiger16M(distance);
        var (beamX, beamY) = (Number("CAM:BeamX"), Number("CAM:BeamY"));
        return beamX > 0 && beamY > 0 ? geometry with { BeamCentreFast = beamX, BeamCentreSlow = beamY } : geometry;
    }

    // The optics' beam (ring current, undulator tuning and aperture included), then the attenuator and the shutter.
    // The beam and the attenuators' transmission when the trigger came; without a shutter timeline, the shutter as
    // it is now too.
    private (BeamGeometry Beam, double Transmission) Beam()
    {
        var beam = _beam.Current().Beam;
        var foils = (int)_attenuator.Get("DEC_TO_BIN").GetDouble();
        var shutterOpen = Shutter is not null || _shutter.Get("STA").GetDouble() != 0;
        var transmission = shutterOpen ? AttenuatorSimulation.Transmission(foils, beam.EnergyKev) : 0;
        return (beam, transmission);
    }

    // A frame exposed over [from, to] gets the beam for the part of its exposure the shutter was open.
    private (BeamGeometry Beam, double Transmission) Lit((BeamGeometry Beam, double Transmission) beam, long from, long to) =>
        Shutter is { } shutter ? (beam.Beam, beam.Transmission * shutter.OpenFraction(from, to)) : beam;

    private double Omega() => OmegaAt(_time.GetTimestamp());

    private double OmegaAt(long timestamp) => _records.FindRecord(_smargon.Name("OMEGA")) is MotorRecord omega ? omega.UserPositionAt(timestamp) : _smargon.Get("OMEGA.RBV").GetDouble();

    private Vector3D Stage() => _goniometer.PhysicalStage(_time.GetTimestamp());

    private double Number(string suffix) => _eiger.Get(suffix).GetDouble();

    private string Text(string suffix) => _eiger.GetText(suffix);
}
