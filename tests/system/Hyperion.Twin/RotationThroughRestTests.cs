using Hyperion.Cli.Sim;

namespace Hyperion.Twin.Tests;

/// <summary>
/// A rotation scan started through Hyperion's REST API on the twin: the plan drives the Zebra, the Eiger and Odin and
/// the goniometer as Hyperion does, every frame is written, and the runner goes back to idle. Also a stop mid-sweep.
/// </summary>
[Collection("hyperion-twin")]
public sealed class RotationThroughRestTests
{
    [Theory]
    [InlineData(PvTransport.InProcess)]
    [InlineData(PvTransport.ChannelAccess)]
    public async Task A_rotation_started_over_rest_writes_every_frame_and_returns_to_idle(PvTransport transport)
    {
        await using var hyperion = await HyperionOnTwin.StartAsync(transport, speed: 4);
        var data = Path.Combine(hyperion.Directory, "data");

        var answer = await hyperion.PutAsync("/rotation_scan/start", RotationParameters.Json(data, widthDeg: 10, incrementDeg: 0.5, exposureS: 0.1));
        var final = await hyperion.WaitUntilSettledAsync();

        Assert.Equal("Success", (string?)answer["status"]);
        Assert.Equal("Idle", (string?)final["status"]);
        Assert.Equal(20, hyperion.Frames.Count);
        Assert.Equal(Enumerable.Range(1, 20), hyperion.Frames.Select(f => f.ImageNumber));
        var widths = string.Join(", ", hyperion.Frames.Select(f => $"{f.ImageNumber}:{f.Request.OmegaStartDegrees:0.###}+{f.Request.OscillationDegrees:0.###}"));
        Assert.All(hyperion.Frames, f => Assert.True(Math.Abs(f.Request.OscillationDegrees - 0.5) < 0.01, widths));
        Assert.All(hyperion.Frames, f => Assert.True(f.Request.Transmission > 0, $"frame {f.ImageNumber} was exposed with the shutter closed"));
        var file = Assert.Single(hyperion.Twin.Eiger.LastFiles);
        Assert.Equal(20, file.FrameCount);
        Assert.True(File.Exists(Path.Combine(data, file.FileName)));
        Assert.False(hyperion.Twin.Eiger.IsArmed);
        Assert.Null(hyperion.Twin.Eiger.LastError);
    }

    [Fact]
    public async Task A_stop_mid_sweep_leaves_the_runner_idle_the_goniometer_stopped_and_the_detector_disarmed()
    {
        await using var hyperion = await HyperionOnTwin.StartAsync(PvTransport.InProcess, speed: 2);
        var data = Path.Combine(hyperion.Directory, "data");

        await hyperion.PutAsync("/rotation_scan/start", RotationParameters.Json(data, widthDeg: 180, incrementDeg: 0.5, exposureS: 0.1));
        await HyperionOnTwin.WaitForAsync(() => hyperion.Frames.Count >= 3, "the sweep to be under way");
        var stop = await hyperion.PutAsync("/stop");
        var final = await hyperion.WaitUntilSettledAsync();

        Assert.Equal("Aborting", (string?)stop["status"]);
        Assert.Equal("Idle", (string?)final["status"]);
        var omega = hyperion.Application.Environment.Devices.Smargon.Omega;
        Assert.Equal(1, await omega.MotorDoneMove.GetValueAsync());
        Assert.True(await omega.UserReadback.GetValueAsync() < 170, "the sweep should not have reached its end");
        await HyperionOnTwin.WaitForAsync(() => !hyperion.Twin.Eiger.IsArmed, "the detector to be disarmed");
        Assert.True(hyperion.Frames.Count < 360);
        var collection = await hyperion.Application.Environment.Ispyb.GetDataCollectionAsync(1, default);
        Assert.Contains("Unsuccessful", collection!.RunStatus ?? string.Empty, StringComparison.Ordinal);
    }
}
