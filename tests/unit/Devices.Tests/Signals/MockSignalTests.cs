using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Signals;

public class MockSignalTests
{
    private static async Task<SignalRW<double>> MockedAsync(double initial = 0)
    {
        var signal = Epics.SignalRW<double>("BL03S-EA-DET-01:EXPOSURE", name: "exposure");
        await signal.ConnectAsync(new DeviceConnectOptions { Mock = true });
        if (initial != 0)
        {
            signal.Mock!.SetValue(initial);
        }

        return signal;
    }

    [Fact]
    public async Task Puts_are_recorded_with_their_wait_flag()
    {
        var signal = await MockedAsync();
        await signal.SetAsync(0.1);
        await signal.SetAsync(0.2, wait: false);
        Assert.Equal([new(0.1, true), new(0.2, false)], signal.Mock!.Puts);
        Assert.Equal(0.2, await signal.GetValueAsync());
    }

    [Fact]
    public async Task Set_mock_value_changes_the_value_without_recording_a_put()
    {
        var signal = await MockedAsync(5.0);
        Assert.Equal(5.0, await signal.GetValueAsync());
        Assert.Empty(signal.Mock!.Puts);
    }

    [Fact]
    public async Task Blocked_puts_wait_until_released()
    {
        var signal = await MockedAsync();
        signal.Mock!.BlockPuts();
        var put = signal.SetAsync(3.0);
        Assert.False(put.IsCompleted);
        Assert.Equal(0.0, await signal.GetValueAsync());
        signal.Mock.ReleasePuts();
        await put.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3.0, await signal.GetValueAsync());
    }

    [Fact]
    public async Task A_blocked_put_times_out_naming_signal_pv_and_value()
    {
        var signal = await MockedAsync();
        signal.Mock!.BlockPuts();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => signal.SetAsync(3.0, timeout: TimeSpan.FromMilliseconds(50)));
        Assert.Equal("exposure (mock+ca://BL03S-EA-DET-01:EXPOSURE): put of 3 did not complete within 0.05 s.", error.Message);
    }

    [Fact]
    public async Task Put_retries_repeat_a_put_that_timed_out()
    {
        var signal = new SignalRW<double>(new Hyperion.Devices.Backends.PvSignalBackend<double>("P:X"), "x") { PutAttempts = 3 };
        await signal.ConnectAsync(new DeviceConnectOptions { Mock = true });
        signal.Mock!.BlockPuts();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => signal.SetAsync(1.0, timeout: TimeSpan.FromMilliseconds(20)));
        Assert.Equal(3, signal.Mock.Puts.Count);
        Assert.Contains("(3 attempts)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_put_callback_can_drive_other_signals()
    {
        var setpoint = await MockedAsync();
        var readback = Epics.SignalR<double>("BL03S-EA-DET-01:EXPOSURE_RBV", "exposure_rbv");
        await readback.ConnectAsync(new DeviceConnectOptions { Mock = true });
        setpoint.Mock!.PutCallback = (value, _) =>
        {
            readback.Mock!.SetValue(value * 2);
            return Task.CompletedTask;
        };
        await setpoint.SetAsync(0.5);
        Assert.Equal(1.0, await readback.GetValueAsync());
    }

    [Fact]
    public async Task Mock_values_survive_a_forced_reconnect_in_mock_mode()
    {
        var signal = await MockedAsync(7.0);
        await signal.ConnectAsync(new DeviceConnectOptions { Mock = true, Force = true });
        Assert.Equal(7.0, await signal.GetValueAsync());
    }

    [Fact]
    public async Task Set_and_wait_for_other_value_returns_when_the_readback_matches_and_the_put_completes()
    {
        var arm = Epics.SignalRW<int>("BL03S-EA-EIGER-01:CAM:Acquire", name: "arm");
        var armed = Epics.SignalR<int>("BL03S-EA-EIGER-01:CAM:Armed", name: "armed");
        await arm.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await armed.ConnectAsync(new DeviceConnectOptions { Mock = true });
        arm.Mock!.BlockPuts();
        arm.Mock.PutCallback = (value, _) =>
        {
            armed.Mock!.SetValue(value);
            return Task.CompletedTask;
        };

        // The acquisition's put callback only completes when it ends: without waiting for it, arming returns once armed.
        await arm.SetAndWaitForOtherValueAsync(1, armed, 1, TimeSpan.FromSeconds(5), waitForSetCompletion: false);
        Assert.Equal([new(1, true)], arm.Mock.Puts);

        var waiting = arm.SetAndWaitForOtherValueAsync(1, armed, 1, TimeSpan.FromSeconds(5));
        Assert.False(waiting.IsCompleted);
        arm.Mock.ReleasePuts();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Set_and_wait_for_value_fails_naming_the_signal_when_the_readback_never_matches()
    {
        var signal = await MockedAsync();
        signal.Mock!.PutCallback = (_, _) => Task.Delay(Timeout.Infinite);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => signal.SetAndWaitForValueAsync(2.0, TimeSpan.FromMilliseconds(50)));
        Assert.Contains("exposure", error.Message, StringComparison.Ordinal);
    }
}
