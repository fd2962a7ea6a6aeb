using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Oav;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.Devices.Tests.Mx.Oav;

public class BacklightTests
{
    private static async Task<(Backlight Backlight, FakeTimeProvider Time, List<string> Puts)> MockBacklightAsync(InOut start)
    {
        var time = new FakeTimeProvider();
        var backlight = new Backlight("BL03I", "backlight", time);
        await backlight.ConnectAsync(new DeviceConnectOptions { Mock = true });
        backlight.Position.Mock!.SetValue(start);
        var puts = new List<string>();
        backlight.Position.Mock.PutCallback = (v, _) => { puts.Add($"position {v}"); return Task.CompletedTask; };
        backlight.Power.Mock!.PutCallback = (v, _) => { puts.Add($"power {v}"); return Task.CompletedTask; };
        return (backlight, time, puts);
    }

    [Fact]
    public void The_backlight_uses_dodals_pvs()
    {
        var backlight = new Backlight("BL03I", "backlight");
        Assert.Equal("BL03I-EA-BLIT-01:TOGGLE", ((PvSignalBackend<OnOff>)backlight.Power.Backend).ReadPv);
        Assert.Equal("BL03I-EA-BL-01:CTRL", ((PvSignalBackend<InOut>)backlight.Position.Backend).ReadPv);
    }

    [Fact]
    public async Task Moving_in_switches_it_on_and_waits_for_the_travel()
    {
        var (backlight, time, puts) = await MockBacklightAsync(InOut.Out);
        var status = backlight.Set(InOut.In);
        await backlight.Power.WaitForValueAsync(OnOff.On, TimeSpan.FromSeconds(5));
        Assert.False(status.Done);
        time.Advance(TimeSpan.FromSeconds(0.9));
        Assert.False(status.Done);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await status.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["position In", "power On"], puts);
        Assert.Equal(["backlight-power", "backlight-position"], (await backlight.ReadAsync()).Keys);
    }

    [Fact]
    public async Task Moving_out_switches_it_off()
    {
        var (backlight, time, puts) = await MockBacklightAsync(InOut.In);
        var status = backlight.Set("Out");
        await backlight.Power.WaitForValueAsync(OnOff.Off, TimeSpan.FromSeconds(5));
        time.Advance(Backlight.TimeToMove);
        await status.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["position Out", "power Off"], puts);
    }

    [Fact]
    public async Task Setting_the_position_it_is_already_in_does_not_wait()
    {
        var (backlight, _, puts) = await MockBacklightAsync(InOut.In);
        await backlight.SetAsync(InOut.In).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["position In", "power On"], puts);
    }
}
