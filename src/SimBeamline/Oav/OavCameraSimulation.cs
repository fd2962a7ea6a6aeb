using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.Records;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Signals;
using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Oav;

/// <summary>
/// The twin's on-axis viewing camera. It watches the smargon's x, y, z and omega readbacks, the zoom level, the
/// backlight's position and power, and CAM:Acquire; after a change it renders a new frame (<see cref="OavRenderer"/>),
/// at most one per <see cref="FramePeriod"/> of twin time, while acquiring. Each frame bumps the camera's and
/// plugins' array counters, is served as ARR:ArrayData (<see cref="OavCameraRecords"/>) and reaches every
/// <see cref="ObserveImagesAsync"/> watcher (pin-tip detection's image source). The MXSC plugin runs dodal's sample
/// detection (<see cref="MxSampleDetect"/> with its default parameters) on the newest frame and publishes the tip
/// and edges (MXSC:TipX, TipY, Top, Bottom, −1 for none) and <see cref="PinTipReading"/>s; it skips frames it
/// cannot keep up with and rests for as long as each analysis took, so it takes at most half a core however fast
/// the twin's clock runs.
/// </summary>
public sealed class OavCameraSimulation : IOavImageSource, IAsyncDisposable
{
    private readonly RecordDatabase _records;
    private readonly TwinPvWriter _oav;
    private readonly TwinPvWriter _zoom;
    private readonly TwinPvWriter _smargon;
    private readonly TwinPvWriter _backlightPosition;
    private readonly TwinPvWriter _backlightPower;
    private readonly TimeProvider _time;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Channel<OavFrame> _toAnalyse = Channel.CreateBounded<OavFrame>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly Broadcast<OavFrame> _frames = new(f => f.Number);
    private readonly Broadcast<PinTipReading> _pinTips = new(r => r.FrameNumber);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _rendering;
    private readonly Task _analysing;
    private OavZoom _zoomOptics;
    private DateTimeOffset _lastFrameAt = DateTimeOffset.MinValue;

    /// <summary>
    /// Starts the camera of the beamline <paramref name="beamlinePrefix"/> (e.g. BL03S): the OAV at
    /// {bl}-DI-OAV-01:, its zoom at {bl}-EA-OAV-01:FZOOM:, the backlight at {bl}-EA-BL-01: and {bl}-EA-BLIT-01:, the
    /// smargon at {bl}-MO-SGON-01:, looking at <paramref name="sample"/> through <paramref name="optics"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A PV the camera watches is missing from the twin.</exception>
    public OavCameraSimulation(RecordDatabase records, string beamlinePrefix, SampleDefinition sample, OavOptics optics, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(beamlinePrefix);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(optics);
        Prefix = $"{beamlinePrefix}-DI-OAV-01:";
        Optics = optics;
        Renderer = new OavRenderer(sample, optics.Width, optics.Height);
        _zoomOptics = optics.Widest;
        _time = timeProvider ?? records.TimeProvider;
        _records = records;
        _oav = new TwinPvWriter(records, Prefix);
        _zoom = new TwinPvWriter(records, $"{beamlinePrefix}-EA-OAV-01:FZOOM:");
        _smargon = new TwinPvWriter(records, $"{beamlinePrefix}-MO-SGON-01:");
        _backlightPosition = new TwinPvWriter(records, $"{beamlinePrefix}-EA-BL-01:");
        _backlightPower = new TwinPvWriter(records, $"{beamlinePrefix}-EA-BLIT-01:");
        string[] watched =
        [
            $"{beamlinePrefix}-MO-SGON-01:X.RBV", $"{beamlinePrefix}-MO-SGON-01:Y.RBV", $"{beamlinePrefix}-MO-SGON-01:Z.RBV",
            $"{beamlinePrefix}-MO-SGON-01:OMEGA.RBV", $"{beamlinePrefix}-EA-OAV-01:FZOOM:MP:SELECT",
            $"{beamlinePrefix}-EA-BL-01:STA", $"{beamlinePrefix}-EA-BLIT-01:TOGGLE", $"{Prefix}CAM:Acquire",
        ];
        try
        {
            foreach (var name in watched)
            {
                var pv = records.Find(name) ?? throw new InvalidOperationException($"The twin has no PV {name} for the OAV camera to watch.");

                // Updates arrive from the database's dispatcher: only ask for a frame here.
                _subscriptions.Add(pv.Subscribe(_ => RequestFrame()));
            }
        }
        catch
        {
            Unsubscribe();
            throw;
        }

        _rendering = RenderAsync(_stop.Token);
        _analysing = AnalyseAsync(_stop.Token);
    }

    /// <summary>The OAV's prefix (e.g. BL03S-DI-OAV-01:).</summary>
    public string Prefix { get; }

    /// <summary>The zoom calibration.</summary>
    public OavOptics Optics { get; }

    /// <summary>What draws the frames.</summary>
    public OavRenderer Renderer { get; }

    /// <summary>The least twin time between frames (20 frames a second by default).</summary>
    public TimeSpan FramePeriod { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The newest frame, or null before the first.</summary>
    public OavFrame? CurrentFrame => _frames.Current;

    /// <summary>The pin-tip plugin's newest result, or null before the first.</summary>
    public PinTipReading? CurrentPinTip => _pinTips.Current;

    /// <summary>The last failure to set one of the camera's PVs, kept for the twin's log and tests.</summary>
    public Exception? LastError { get; private set; }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Image2D<byte>> ObserveImagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var frame in _frames.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return frame.Image;
        }
    }

    /// <summary>The current frame first (once there is one), then each newer one until the camera stops.</summary>
    public IAsyncEnumerable<OavFrame> ObserveFramesAsync(CancellationToken cancellationToken = default) => _frames.WatchAsync(cancellationToken);

    /// <summary>The pin-tip plugin's current result first (once there is one), then each newer one until the camera stops.</summary>
    public IAsyncEnumerable<PinTipReading> ObservePinTipsAsync(CancellationToken cancellationToken = default) => _pinTips.WatchAsync(cancellationToken);

    /// <summary>The first frame, current or to come, that satisfies <paramref name="condition"/>.</summary>
    /// <exception cref="InvalidOperationException">The camera stopped first.</exception>
    public Task<OavFrame> WaitForFrameAsync(Func<OavFrame, bool> condition, CancellationToken cancellationToken = default) =>
        FirstAsync(_frames.WatchAsync(cancellationToken), condition, "frame");

    /// <summary>The first pin-tip result, current or to come, that satisfies <paramref name="condition"/>.</summary>
    /// <exception cref="InvalidOperationException">The camera stopped first.</exception>
    public Task<PinTipReading> WaitForPinTipAsync(Func<PinTipReading, bool> condition, CancellationToken cancellationToken = default) =>
        FirstAsync(_pinTips.WatchAsync(cancellationToken), condition, "pin-tip result");

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Unsubscribe();
        _requests.Writer.TryComplete();
        _toAnalyse.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var loop in new[] { _rendering, _analysing })
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped mid-frame.
            }
        }

        _frames.Complete();
        _pinTips.Complete();
        _stop.Dispose();
    }

    private static async Task<T> FirstAsync<T>(IAsyncEnumerable<T> values, Func<T, bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await foreach (var value in values.ConfigureAwait(false))
        {
            if (condition(value))
            {
                return value;
            }
        }

        throw new InvalidOperationException($"The OAV camera stopped before a {what} met the condition.");
    }

    private void RequestFrame() => _requests.Writer.TryWrite(true);

    private void Unsubscribe()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
    }

    private async Task RenderAsync(CancellationToken cancellationToken)
    {
        // Off the constructor's thread before any work.
        await Task.Yield();
        try
        {
            await InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            LastError = e;
        }

        RequestFrame();
        await foreach (var _ in _requests.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await NextFrameAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                LastError = e;
            }
        }
    }

    // The camera's array sizes (which the OAV device scales its calibration by) and a zoom level the optics know.
    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _oav.SetAsync("CAM:ArraySizeX_RBV", Optics.Width, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("CAM:ArraySizeY_RBV", Optics.Height, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("MJPG:ArraySize1_RBV", Optics.Width, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("MJPG:ArraySize2_RBV", Optics.Height, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("MXSC:ArraySize1_RBV", Optics.Width, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("MXSC:ArraySize2_RBV", Optics.Height, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("ARR:ArraySize0_RBV", Optics.Width, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("ARR:ArraySize1_RBV", Optics.Height, cancellationToken).ConfigureAwait(false);
        if (Optics.Find(_zoom.Get("MP:SELECT").GetString()) is null)
        {
            await _zoom.SetAsync("MP:SELECT", $"{Optics.Widest.Level}x", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task NextFrameAsync(CancellationToken cancellationToken)
    {
        var wait = _lastFrameAt + FramePeriod - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        // This frame shows everything that changed while it waited; later changes ask for the next.
        _requests.Reader.TryRead(out _);
        if (_oav.Get("CAM:Acquire").GetDouble() == 0)
        {
            await _oav.SetAsync("CAM:Acquire_RBV", 0, cancellationToken).ConfigureAwait(false);
            await _oav.SetAsync("CAM:DetectorState_RBV", 0, cancellationToken).ConfigureAwait(false);
            return;
        }

        var view = CurrentView();
        var previous = _frames.Current;
        if (previous?.View == view && _oav.Get("CAM:Acquire_RBV").GetDouble() != 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var frame = new OavFrame((previous?.Number ?? 0) + 1, view, Renderer.Render(view), now);
        _lastFrameAt = now;
        await _oav.SetAsync("CAM:Acquire_RBV", 1, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("CAM:DetectorState_RBV", 1, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("CAM:ArrayCounter_RBV", frame.Number, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("MJPG:ArrayCounter_RBV", frame.Number, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("ARR:ArrayData", new DbrValue(DbrType.Char, frame.Image.Pixels as byte[] ?? [.. frame.Image.Pixels]), cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("ARR:UniqueId_RBV", frame.Number, cancellationToken).ConfigureAwait(false);
        await _oav.SetAsync("ARR:ArrayCounter_RBV", frame.Number, cancellationToken).ConfigureAwait(false);
        _frames.Publish(frame);
        _toAnalyse.Writer.TryWrite(frame);
    }

    private OavView CurrentView()
    {
        double Read(TwinPvWriter device, string suffix) => device.Get(suffix).GetDouble();

        // An uncalibrated zoom label leaves the optics where they were.
        _zoomOptics = Optics.Find(_zoom.Get("MP:SELECT").GetString()) ?? _zoomOptics;
        // The backlight shines once it has arrived (STA), not when asked (CTRL); the sample is where the smargon's
        // dial positions put it, whatever the stub offsets make x, y and z read.
        var illuminated = Read(_backlightPosition, "STA") == (int)InOut.In && Read(_backlightPower, "TOGGLE") == (int)OnOff.On;
        double Physical(string axis) => _records.FindRecord(_smargon.Name(axis)) is MotorRecord motor
            ? SmargonSimulation.ToPhysical(motor, Read(_smargon, axis + ".RBV"))
            : Read(_smargon, axis + ".RBV");
        return new OavView(
            new Vector3D(Physical("X"), Physical("Y"), Physical("Z")),
            Read(_smargon, "OMEGA.RBV"),
            _zoomOptics,
            illuminated);
    }

    private async Task AnalyseAsync(CancellationToken cancellationToken)
    {
        var detect = new MxSampleDetect();
        var realTime = TimeProvider.System;
        await foreach (var frame in _toAnalyse.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var started = realTime.GetTimestamp();

            // Seconds of computation on a thread of its own, so the twin's timers and records never queue behind it.
            var location = await Task.Factory.StartNew(() => detect.ProcessArray(frame.Image), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            try
            {
                await _oav.SetAsync("MXSC:Top", DbrValue.Of(location.EdgeTop), cancellationToken).ConfigureAwait(false);
                await _oav.SetAsync("MXSC:Bottom", DbrValue.Of(location.EdgeBottom), cancellationToken).ConfigureAwait(false);
                await _oav.SetAsync("MXSC:TipX", location.TipX ?? MxSampleDetect.NoneValue, cancellationToken).ConfigureAwait(false);
                await _oav.SetAsync("MXSC:TipY", location.TipY ?? MxSampleDetect.NoneValue, cancellationToken).ConfigureAwait(false);
                await _oav.SetAsync("MXSC:ArrayCounter_RBV", frame.Number, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                LastError = e;
            }

            _pinTips.Publish(new PinTipReading(frame.Number, location));

            // Detection costs far more than drawing: rest as long as it took (real time, whatever the twin's clock).
            await Task.Delay(realTime.GetElapsedTime(started), realTime, cancellationToken).ConfigureAwait(false);
        }
    }
}
