using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Signals;
using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Clock;
using Hyperion.SimBeamline.Oav;

namespace Hyperion.SimBeamline.Tests.Oav;

/// <summary>
/// dodal's OAV, smargon, backlight and pin-tip detection run in-process against the twin's camera, at 50× real
/// time, as Hyperion's OAV centring plans use them (forward scan, as its OAV centring configuration selects).
/// </summary>
public sealed class OavCameraSimulationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private OavBeamCentreFile _oav = null!;
    private Smargon _smargon = null!;
    private Backlight _backlight = null!;
    private PinTipDetection _pinTip = null!;
    private SignalRW<int> _acquire = null!;
    private SignalR<int> _acquiring = null!;
    private SignalR<int> _cameraCounter = null!;
    private SignalR<int> _mjpgCounter = null!;
    private SignalR<int> _analysedCounter = null!;
    private SignalR<int> _tipX = null!;
    private SignalR<int> _tipY = null!;
    private SignalR<int[]> _top = null!;
    private SignalR<int[]> _bottom = null!;

    private string Oav => _twin.Oav.Prefix;

    public async Task InitializeAsync()
    {
        var clock = new ScaledTimeProvider(50);
        _twin = SimulatedBeamline.Create("s03", clock);
        _client = _twin.CreateClient();
        var beamline = I03Beamline.Create("s03", services: new BeamlineServices { OavImages = _twin.Oav }, includeSimulatorAbsent: true);
        _oav = beamline.Get<OavBeamCentreFile>("oav");
        _smargon = beamline.Get<Smargon>("smargon");
        _backlight = new Backlight("BL03S", "backlight", clock);
        _pinTip = beamline.Get<PinTipDetection>("pin_tip_detection");
        _acquire = Epics.SignalRW<int>($"{Oav}CAM:Acquire");
        _acquiring = Epics.SignalR<int>($"{Oav}CAM:Acquire_RBV");
        _cameraCounter = Epics.SignalR<int>($"{Oav}CAM:ArrayCounter_RBV");
        _mjpgCounter = Epics.SignalR<int>($"{Oav}MJPG:ArrayCounter_RBV");
        _analysedCounter = Epics.SignalR<int>($"{Oav}MXSC:ArrayCounter_RBV");
        _tipX = Epics.SignalR<int>($"{Oav}MXSC:TipX");
        _tipY = Epics.SignalR<int>($"{Oav}MXSC:TipY");
        _top = Epics.SignalR<int[]>($"{Oav}MXSC:Top");
        _bottom = Epics.SignalR<int[]>($"{Oav}MXSC:Bottom");
        var connect = new DeviceConnectOptions { PvClient = _client, Timeout = TimeSpan.FromSeconds(10) };
        foreach (var device in new Device[] { _oav, _smargon, _backlight, _pinTip, _acquire, _acquiring, _cameraCounter, _mjpgCounter, _analysedCounter, _tipX, _tipY, _top, _bottom })
        {
            await device.ConnectAsync(connect);
        }

        await _pinTip.ScanDirection.SetAsync(0);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public async Task The_oav_device_reads_the_twins_image_size_zoom_and_calibration()
    {
        await _twin.Oav.WaitForFrameAsync(_ => true).WaitAsync(Patience);

        Assert.Equal("1.0x", await _oav.ZoomController.Level.GetValueAsync());
        Assert.Equal(1024, await _oav.Cam.ArraySizeX.GetValueAsync());
        Assert.Equal(768, await _oav.Cam.ArraySizeY.GetValueAsync());
        Assert.Equal(2.87, await _oav.MicronsPerPixelX.GetValueAsync(), 6);
        Assert.Equal((477, 359), (await _oav.BeamCentreI.GetValueAsync(), await _oav.BeamCentreJ.GetValueAsync()));
    }

    [Theory]
    [InlineData("1.0x", 0.3, -0.2, 0.1)]
    [InlineData("1.0x", -0.5, 0.3, -0.2)]
    [InlineData("5.0x", 0.2, 0.1, 0.0)]
    [InlineData("5.0x", -0.15, -0.12, 0.05)]
    public async Task Pin_tip_detection_finds_the_tip_where_the_geometry_puts_it(string zoom, double x, double y, double z)
    {
        await _oav.ZoomController.SetAsync(zoom);
        var frame = await MoveAndWatchAsync(new Vector3D(x, y, z), 0);

        await _pinTip.TriggerAsync().WaitAsync(Patience);

        var expected = OavRenderer.PixelOf(_twin.Oav.Renderer.LoopTip, frame.View);
        var tip = await _pinTip.TriggeredTip.GetValueAsync();
        Assert.Equal(OavConfigBase.ZoomKey(zoom), frame.View.Zoom.Level);
        Assert.InRange(tip[0], expected.Column - 2, expected.Column + 2);
        Assert.InRange(tip[1], expected.Row - 2, expected.Row + 2);
    }

    [Fact]
    public async Task Pin_tip_centring_at_two_angles_puts_the_tip_on_the_rotation_axis()
    {
        await MoveAndWatchAsync(new Vector3D(0.35, -0.25, 0.2), 0);

        // As the pin-tip centring plan: centre at this omega, then 90° on, with dodal's pixel-to-smargon arithmetic.
        var atZero = await CentreAsync(0);
        var atMinusNinety = await CentreAsync(-90);

        var beam = (await _oav.BeamCentreI.GetValueAsync(), await _oav.BeamCentreJ.GetValueAsync());
        Assert.InRange(atZero.Steps, 1, 3);
        Assert.InRange(atMinusNinety.Steps, 1, 3);
        foreach (var omega in new[] { 0.0, 45.0, -90.0 })
        {
            var frame = await MoveAndWatchAsync(atMinusNinety.Stage, omega);
            var tip = OavRenderer.PixelOf(_twin.Oav.Renderer.LoopTip, frame.View);
            Assert.InRange(tip.Column, beam.Item1 - 2, beam.Item1 + 2);
            Assert.InRange(tip.Row, beam.Item2 - 2, beam.Item2 + 2);
        }
    }

    [Fact]
    public async Task Grid_detection_at_0_and_minus_90_degrees_puts_both_grids_around_the_crystal()
    {
        await _oav.ZoomController.SetAsync("5.0x");
        var start = new Vector3D(0.05, 0.1, -0.15);

        // As the grid detection plan and its callback: y from the grid at omega 0, z from the one at -90.
        var (yFrom, yTo) = await GridAsync(start, 0);
        var (zFrom, zTo) = await GridAsync(start, -90);

        var crystal = _twin.Sample.Crystal.PositionMm;
        Assert.InRange(crystal.Y, yFrom, yTo);
        Assert.InRange(crystal.Z, zFrom, zTo);
        Assert.InRange(yTo - yFrom, 0.28, 0.36);
        Assert.InRange(zTo - zFrom, 0.06, 0.12); // the loop edge-on with its liquid: 75 µm for a 300 µm loop
    }

    [Fact]
    public async Task With_the_backlight_out_pin_tip_detection_gives_up_after_its_validity_timeout()
    {
        var clock = _twin.Records.TimeProvider;
        var detection = new PinTipDetection(Oav, _twin.Oav, "pin_tip_detection", clock);
        await detection.ConnectAsync(new DeviceConnectOptions { PvClient = _client });
        await detection.ScanDirection.SetAsync(0);

        await _backlight.SetAsync(InOut.Out).WaitAsync(Patience);
        await _twin.Oav.WaitForFrameAsync(f => !f.View.Illuminated).WaitAsync(Patience);
        var started = clock.GetTimestamp();
        await detection.TriggerAsync().WaitAsync(Patience);

        Assert.Equal(PinTipDetection.InvalidPosition, await detection.TriggeredTip.GetValueAsync());
        Assert.Empty(await detection.TriggeredTopEdge.GetValueAsync());
        Assert.True(clock.GetElapsedTime(started) >= TimeSpan.FromSeconds(5), "it should have looked for the whole validity timeout");

        await _backlight.SetAsync(InOut.In).WaitAsync(Patience);
        await _twin.Oav.WaitForFrameAsync(f => f.View.Illuminated).WaitAsync(Patience);
        await detection.ValidityTimeout.SetAsync(1e6);
        await detection.TriggerAsync().WaitAsync(Patience);
        Assert.NotEqual(PinTipDetection.InvalidPosition, await detection.TriggeredTip.GetValueAsync());
    }

    [Fact]
    public async Task Moving_the_smargon_renders_new_frames_and_counts_them()
    {
        var first = await _twin.Oav.WaitForFrameAsync(_ => true).WaitAsync(Patience);
        var moved = await MoveAndWatchAsync(new Vector3D(0.1, 0, 0), 0);

        Assert.True(moved.Number > first.Number);
        Assert.NotEqual(first.Image.Pixels, moved.Image.Pixels);
        await _cameraCounter.WaitForValueAsync(n => n >= moved.Number, Patience);
        await _mjpgCounter.WaitForValueAsync(n => n >= moved.Number, Patience);
        Assert.Equal(1, await _acquiring.GetValueAsync());
        var served = _twin.Records.Find($"{Oav}ARR:ArrayData")!.Read();
        Assert.Equal(moved.Image.Pixels, (byte[])served.Values);
        Assert.Equal(1024, _twin.Records.Find($"{Oav}ARR:ArraySize0_RBV")!.Read().GetDouble());
    }

    [Fact]
    public async Task The_published_pin_tip_pvs_are_what_sample_detection_finds_in_the_frame()
    {
        var frame = await MoveAndWatchAsync(new Vector3D(-0.2, 0.1, 0.05), 30);
        var reading = await _twin.Oav.WaitForPinTipAsync(r => r.FrameNumber >= frame.Number).WaitAsync(Patience);
        var analysed = await _twin.Oav.WaitForFrameAsync(f => f.Number == reading.FrameNumber).WaitAsync(Patience);
        await _analysedCounter.WaitForValueAsync(n => n >= reading.FrameNumber, Patience);

        var expected = new MxSampleDetect().ProcessArray(analysed.Image);

        Assert.NotNull(expected.TipX);
        Assert.Equal(expected.TipX, reading.Location.TipX);
        Assert.Equal(expected.TipY, reading.Location.TipY);
        Assert.Equal(expected.TipX!.Value, await _tipX.GetValueAsync());
        Assert.Equal(expected.TipY!.Value, await _tipY.GetValueAsync());
        Assert.Equal(expected.EdgeTop, await _top.GetValueAsync());
        Assert.Equal(expected.EdgeBottom, await _bottom.GetValueAsync());
    }

    [Fact]
    public async Task Stopping_acquisition_stops_the_frames()
    {
        await _twin.Oav.WaitForFrameAsync(_ => true).WaitAsync(Patience);
        await _acquire.SetAsync(0);
        await _acquiring.WaitForValueAsync(0, Patience);
        var last = _twin.Oav.CurrentFrame!.Number;

        await _smargon.X.MoveToAsync(0.2).WaitAsync(Patience);
        await _acquire.SetAsync(1);
        var next = await _twin.Oav.WaitForFrameAsync(f => f.Number > last).WaitAsync(Patience);

        Assert.Equal(last + 1, next.Number);
        Assert.Equal(0.2, next.View.StageMm.X, 3);
        Assert.Contains($"record(waveform, \"{Oav}MXSC:Top\")", _twin.DbText, StringComparison.Ordinal);
    }

    // Moves the smargon and waits for the camera to show it there.
    private async Task<OavFrame> MoveAndWatchAsync(Vector3D stage, double omega)
    {
        await Task.WhenAll(
            _smargon.X.MoveToAsync(stage.X),
            _smargon.Y.MoveToAsync(stage.Y),
            _smargon.Z.MoveToAsync(stage.Z),
            _smargon.Omega.MoveToAsync(omega)).WaitAsync(Patience);
        return await _twin.Oav.WaitForFrameAsync(f =>
            Math.Abs(f.View.StageMm.X - stage.X) < 1e-3 && Math.Abs(f.View.StageMm.Y - stage.Y) < 1e-3 &&
            Math.Abs(f.View.StageMm.Z - stage.Z) < 1e-3 && Math.Abs(f.View.OmegaDegrees - omega) < 1e-3).WaitAsync(Patience);
    }

    // The smargon range (mm) a grid of 20 µm boxes drawn over the sample covers down the image: y at omega 0, z at
    // -90; the grid spans 400 µm from the tip, as the grid detection plan draws it from the detected edges.
    private async Task<(double From, double To)> GridAsync(Vector3D stage, double omega)
    {
        await MoveAndWatchAsync(stage, omega);
        await _pinTip.TriggerAsync().WaitAsync(Patience);
        var tip = await _pinTip.TriggeredTip.GetValueAsync();
        var (top, bottom) = (await _pinTip.TriggeredTopEdge.GetValueAsync(), await _pinTip.TriggeredBottomEdge.GetValueAsync());
        var micronsPerPixel = (await _oav.MicronsPerPixelX.GetValueAsync(), await _oav.MicronsPerPixelY.GetValueAsync());
        var beam = (await _oav.BeamCentreI.GetValueAsync(), await _oav.BeamCentreJ.GetValueAsync());
        var height = await _oav.Cam.ArraySizeY.GetValueAsync();
        var width = (int)(400 / micronsPerPixel.Item1);
        var minY = top.Skip(tip[0]).Take(width).Where(r => r != 0 && r != MxSampleDetect.NoneValue).Min();
        var maxY = bottom.Skip(tip[0]).Take(width).Where(r => r != height && r != MxSampleDetect.NoneValue).Max();
        var box = 20 / micronsPerPixel.Item2;
        var rows = (int)Math.Ceiling((maxY - minY) / box);
        var first = DodalOavCalculations.PositionPuttingPixelOnBeam(stage, omega, (tip[0] + (box / 2), minY + (box / 2)), beam, micronsPerPixel);
        var along = omega == 0 ? first.Y : first.Z;
        return (along - 0.01, along + ((rows - 0.5) * 0.02));
    }

    // Triggers pin-tip detection and moves the tip onto the beam centre until it is there.
    private async Task<(Vector3D Stage, int Steps)> CentreAsync(double omega)
    {
        var stage = new Vector3D(await _smargon.X.UserReadback.GetValueAsync(), await _smargon.Y.UserReadback.GetValueAsync(), await _smargon.Z.UserReadback.GetValueAsync());
        await MoveAndWatchAsync(stage, omega);
        for (var step = 1; step <= 5; step++)
        {
            await _pinTip.TriggerAsync().WaitAsync(Patience);
            var tip = await _pinTip.TriggeredTip.GetValueAsync();
            var beam = (await _oav.BeamCentreI.GetValueAsync(), await _oav.BeamCentreJ.GetValueAsync());
            if (Math.Abs(tip[0] - beam.Item1) <= 1 && Math.Abs(tip[1] - beam.Item2) <= 1)
            {
                return (stage, step);
            }

            var micronsPerPixel = (await _oav.MicronsPerPixelX.GetValueAsync(), await _oav.MicronsPerPixelY.GetValueAsync());
            stage = DodalOavCalculations.PositionPuttingPixelOnBeam(stage, omega, (tip[0], tip[1]), beam, micronsPerPixel);
            await MoveAndWatchAsync(stage, omega);
        }

        throw new Xunit.Sdk.XunitException($"The tip did not reach the beam centre at omega {omega} in 5 steps.");
    }
}
