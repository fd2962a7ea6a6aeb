using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Tests.Support;

namespace Hyperion.Devices.Tests.Signals;

public class SoftSignalTests
{
    [Fact]
    public async Task A_double_signal_describes_itself_with_dtype_shape_units_and_precision()
    {
        var signal = Soft.SignalRW(12.7, "dcm-energy", units: "keV", precision: 4);
        var key = (await signal.DescribeAsync())["dcm-energy"];
        Assert.Equal("number", key.Dtype);
        Assert.Equal("<f8", key.DtypeNumpy);
        Assert.Empty(key.Shape);
        Assert.Equal("soft://dcm-energy", key.Source);
        Assert.Equal("keV", key.Units);
        Assert.Equal(4, key.Precision);
    }

    [Fact]
    public async Task Arrays_describe_their_length_and_element_type()
    {
        var signal = Soft.SignalRW(new[] { 1, 2, 3 }, "edges");
        var key = (await signal.DescribeAsync())["edges"];
        Assert.Equal(("array", "<i4"), (key.Dtype, key.DtypeNumpy));
        Assert.Equal([3], key.Shape);
        Assert.Null(key.Precision);
    }

    [Fact]
    public async Task An_enum_signal_reads_its_label_and_lists_its_choices()
    {
        var signal = Soft.SignalRW(ShutterState.Open, "shutter");
        Assert.Equal("Open", (await signal.ReadAsync())["shutter"].Value);
        var key = (await signal.DescribeAsync())["shutter"];
        Assert.Equal(["Closed", "Open"], key.Choices);
        Assert.Equal("string", key.Dtype);
    }

    [Fact]
    public async Task A_plan_can_set_an_enum_by_label()
    {
        var signal = Soft.SignalRW(ShutterState.Open, "shutter");
        await signal.Set("Closed");
        Assert.Equal(ShutterState.Closed, await signal.GetValueAsync());
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_naming_the_expected_type()
    {
        var number = Soft.SignalRW(1.0, "x");
        var error = Assert.Throws<SignalTypeException>(() => number.Set("far"));
        Assert.Contains("x: expected double, got string far", error.Message, StringComparison.Ordinal);

        var shutter = Soft.SignalRW(ShutterState.Open, "shutter");
        var label = Assert.Throws<SignalTypeException>(() => shutter.Set("Ajar"));
        Assert.Contains("'Ajar' is not one of ShutterState (Closed, Open)", label.Message, StringComparison.Ordinal);

        var count = Soft.SignalRW(1, "count");
        Assert.Throws<SignalTypeException>(() => count.Set(2.5));
    }

    [Fact]
    public async Task Numbers_convert_exactly_to_the_signal_type()
    {
        var count = Soft.SignalRW(1, "count");
        await count.Set(4.0);
        Assert.Equal(4, await count.GetValueAsync());
        var position = Soft.SignalRW(0.0, "x");
        await position.Set(3);
        Assert.Equal(3.0, await position.GetValueAsync());
    }

    [Fact]
    public async Task Staged_signals_read_from_the_cache_and_unstaged_ones_from_the_backend()
    {
        var backend = new CountingBackend<double>(1.5);
        var signal = new SignalR<double>(backend, "s");
        await signal.GetValueAsync();
        await signal.GetValueAsync();
        Assert.Equal(2, backend.Reads);

        await signal.Stage();
        backend.SetValue(2.5);
        Assert.Equal(2.5, await signal.GetValueAsync());
        Assert.Equal(2.5, await signal.GetValueAsync());
        Assert.Equal(2, backend.Reads);
        Assert.Equal(2.5, await signal.GetValueAsync(cached: false));
        Assert.Equal(3, backend.Reads);

        await signal.Unstage();
        Assert.False(signal.IsCached);
        await signal.GetValueAsync();
        Assert.Equal(4, backend.Reads);
    }

    [Fact]
    public void Subscribers_get_the_current_value_then_every_change_until_they_unsubscribe()
    {
        var signal = Soft.SignalRW(0, "counter");
        var seen = new List<int>();
        var subscription = signal.SubscribeValue(seen.Add);
        _ = signal.Backend.PutAsync(1, true, default);
        _ = signal.Backend.PutAsync(2, true, default);
        subscription.Dispose();
        _ = signal.Backend.PutAsync(3, true, default);
        Assert.Equal([0, 1, 2], seen);
        Assert.False(signal.IsCached);
    }

    [Fact]
    public void Bluesky_subscriptions_receive_readings_keyed_by_name()
    {
        var signal = Soft.SignalRW(ShutterState.Closed, "shutter");
        var readings = new List<object?>();
        void Callback(IReadOnlyDictionary<string, Reading> r) => readings.Add(r["shutter"].Value);
        signal.Subscribe(Callback);
        _ = signal.Set(ShutterState.Open);
        signal.ClearSubscription(Callback);
        _ = signal.Set(ShutterState.Closed);
        Assert.Equal(["Closed", "Open"], readings);
    }

    [Fact]
    public async Task Observe_value_yields_the_current_value_then_updates()
    {
        var signal = Soft.SignalRW(0, "counter");
        var seen = new List<int>();
        await foreach (var value in signal.ObserveValueAsync())
        {
            seen.Add(value);
            if (value == 3)
            {
                break;
            }

            await signal.SetAsync(value + 1);
        }

        Assert.Equal([0, 1, 2, 3], seen);
    }

    [Fact]
    public async Task Wait_for_value_reports_the_signal_target_and_last_value_on_time_out()
    {
        var signal = Soft.SignalRW(1.0, "dcm-energy");
        var error = await Assert.ThrowsAsync<TimeoutException>(() => signal.WaitForValueAsync(12.7, TimeSpan.FromMilliseconds(50)));
        Assert.Equal("dcm-energy did not become 12.7 within 0.05 s; last value 1.", error.Message);
    }

    [Fact]
    public async Task Set_and_wait_for_value_returns_once_the_readback_matches()
    {
        var signal = Soft.SignalRW(ShutterState.Closed, "shutter");
        await signal.SetAndWaitForValueAsync(ShutterState.Open, timeout: TimeSpan.FromSeconds(5));
        Assert.Equal(ShutterState.Open, await signal.GetValueAsync());
    }

    [Fact]
    public async Task Locate_gives_setpoint_and_readback()
    {
        var signal = Soft.SignalRW(ShutterState.Open, "shutter");
        var location = await signal.LocateAsync();
        Assert.Equal(new Location("Open", "Open"), location);
    }

    [Fact]
    public async Task Derived_signals_compute_from_their_sources_on_each_read()
    {
        var zoom = Soft.SignalRW(2.0, "zoom");
        var microns = Soft.SignalR<double>(async ct => 2.87 / await zoom.GetValueAsync(cancellationToken: ct), "microns_per_pixel", units: "um");
        Assert.Equal(1.435, await microns.GetValueAsync(), 9);
        await zoom.SetAsync(4.0);
        Assert.Equal(0.7175, await microns.GetValueAsync(), 9);
        Assert.Equal("um", (await microns.DescribeAsync())["microns_per_pixel"].Units);
    }

    [Fact]
    public async Task A_command_signal_writes_one_when_triggered()
    {
        var go = Soft.SignalX("run");
        await go.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await go.Trigger();
        await go.Trigger();
        Assert.Equal([1, 1], go.Mock!.Puts.Select(p => p.Value));
        Assert.True(go.Mock.Puts.All(p => p.Wait));
    }

    [Fact]
    public async Task A_derived_signal_tells_subscribers_when_any_source_changes_and_stays_live_in_mock_mode()
    {
        var x = Epics.SignalRW<int>("P:X_STEPS", name: "x_steps");
        var y = Epics.SignalRW<int>("P:Y_STEPS", name: "y_steps");
        var images = Derived.SignalR(async ct => await x.GetValueAsync(cancellationToken: ct) * await y.GetValueAsync(cancellationToken: ct), "expected_images", sources: [x, y]);
        foreach (var signal in new Signal[] { x, y, images })
        {
            await signal.ConnectAsync(new DeviceConnectOptions { Mock = true });
        }

        Assert.Null(images.Mock);
        x.Mock!.SetValue(4);
        y.Mock!.SetValue(5);
        Assert.Equal(20, await images.GetValueAsync());
        await images.WaitForValueAsync(20, TimeSpan.FromSeconds(5));
        var waiting = images.WaitForValueAsync(40, TimeSpan.FromSeconds(5));
        y.Mock.SetValue(10);
        Assert.Equal(40, await waiting);
    }

    [Fact]
    public async Task A_soft_setter_still_reaches_readers_after_a_mock_connect()
    {
        var (tip, setTip) = Soft.SignalRAndSetter<int[]>([], "triggered_tip");
        await tip.ConnectAsync(new DeviceConnectOptions { Mock = true });
        setTip([100, 200]);
        Assert.Equal(new[] { 100, 200 }, await tip.GetValueAsync());
    }
}
