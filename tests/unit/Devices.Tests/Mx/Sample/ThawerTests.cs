using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Sample;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.Devices.Tests.Mx.Sample;

public class ThawerTests
{
    private static async Task<(Thawer Thawer, FakeTimeProvider Time)> MockThawerAsync()
    {
        var time = new FakeTimeProvider();
        var thawer = new Thawer("BL03I-EA-THAW-01", "thawer", time);
        await thawer.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return (thawer, time);
    }

    [Fact]
    public async Task The_control_pv_has_the_colon_added_and_dodals_names()
    {
        var (thawer, _) = await MockThawerAsync();
        Assert.Equal("mock+ca://BL03I-EA-THAW-01:CTRL", thawer.Control.Source);
        Assert.Equal("thawer-thaw_for_time_s", thawer.ThawForTimeS.Name);
        Assert.Equal("thawer-control", thawer.Control.Name);
        Assert.Empty(await thawer.ReadAsync());
    }

    [Fact]
    public async Task Thawing_for_a_time_switches_on_then_off_after_that_time()
    {
        var (thawer, time) = await MockThawerAsync();
        var thaw = thawer.ThawForTimeS.Set(10.0);
        Assert.Equal([new MockPut<OnOff>(OnOff.On, true)], thawer.Control.Mock!.Puts);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(thaw.Done);
        time.Advance(TimeSpan.FromSeconds(1));
        await thaw.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([OnOff.On, OnOff.Off], thawer.Control.Mock.Puts.Select(p => p.Value));
    }

    [Fact]
    public async Task Stopping_the_timer_switches_off_and_cancels_the_thaw()
    {
        var (thawer, _) = await MockThawerAsync();
        var thaw = thawer.ThawForTimeS.SetAsync(100);
        await thawer.ThawForTimeS.StopAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => thaw.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(OnOff.Off, await thawer.Control.GetValueAsync());
    }

    [Fact]
    public async Task A_second_thaw_while_one_runs_fails_after_switching_on()
    {
        var (thawer, time) = await MockThawerAsync();
        var first = thawer.ThawForTimeS.SetAsync(10);
        var error = await Assert.ThrowsAsync<ThawingException>(() => thawer.ThawForTimeS.SetAsync(5));
        Assert.Equal("Thawing task already in progress", error.Message);
        Assert.Equal([OnOff.On, OnOff.On], thawer.Control.Mock!.Puts.Select(p => p.Value));
        time.Advance(TimeSpan.FromSeconds(10));
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(OnOff.Off, await thawer.Control.GetValueAsync());
    }

    [Fact]
    public async Task Stopping_the_thawer_stops_the_timer_and_switches_off()
    {
        var (thawer, _) = await MockThawerAsync();
        var thaw = thawer.ThawForTimeS.SetAsync(100);
        await thawer.StopAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => thaw.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(OnOff.Off, thawer.Control.Mock!.Puts[^1].Value);
    }

    [Fact]
    public async Task Stopping_when_nothing_thaws_just_switches_off()
    {
        var (thawer, _) = await MockThawerAsync();
        await thawer.StopAsync();
        Assert.Equal([new MockPut<OnOff>(OnOff.Off, true)], thawer.Control.Mock!.Puts);
    }
}
