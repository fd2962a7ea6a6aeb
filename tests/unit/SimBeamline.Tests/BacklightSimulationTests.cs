using System.Diagnostics;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Oav;

namespace Hyperion.SimBeamline.Tests;

/// <summary>The backlight's pneumatic travel on the twin, at real speed.</summary>
public sealed class BacklightSimulationTests : IAsyncLifetime
{
    private const string Backlight = "BL03S-EA-BL-01:";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private SimulatedBeamline _twin = null!;
    private ChannelAccess.InProcess.InProcessPvClient _client = null!;
    private TwinPvs _pvs = null!;

    public Task InitializeAsync()
    {
        _twin = SimulatedBeamline.Create("s03");
        _client = _twin.CreateClient();
        _pvs = new TwinPvs(_twin, _client, Timeout);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _twin.DisposeAsync();
    }

    [Fact]
    public async Task Taking_the_backlight_out_takes_its_travel_time_and_the_camera_goes_dark_when_it_arrives()
    {
        var device = I03Beamline.Create("s03").Get<Devices.Mx.Oav.Backlight>("backlight");
        await device.ConnectAsync(new DeviceConnectOptions { PvClient = _client, Timeout = Timeout });
        await _twin.Oav.WaitForFrameAsync(f => f.View.Illuminated).WaitAsync(Timeout);
        Assert.Equal((int)InOut.In, _pvs.Read(Backlight + "STA"));

        var clock = Stopwatch.StartNew();
        await device.Position.SetAsync(InOut.Out);
        Assert.Equal((int)InOut.In, _pvs.Read(Backlight + "STA"));

        await _pvs.WaitForAsync(() => _pvs.Read(Backlight + "STA") == (int)InOut.Out, "the backlight to arrive out");
        Assert.True(clock.Elapsed >= _twin.Backlight.TravelTime * 0.95, $"arrived after {clock.Elapsed.TotalSeconds:0.000} s");
        var dark = await _twin.Oav.WaitForFrameAsync(f => !f.View.Illuminated).WaitAsync(Timeout);
        Assert.True(dark.Number > 1);
    }

    [Fact]
    public async Task Asking_for_where_the_backlight_already_is_takes_no_time()
    {
        await _pvs.PutAsync(Backlight + "CTRL", (int)InOut.In);
        Assert.Equal((int)InOut.In, _pvs.Read(Backlight + "STA"));
        Assert.Null(_twin.Backlight.LastError);
    }
}
