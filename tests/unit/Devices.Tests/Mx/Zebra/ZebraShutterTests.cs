using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Mx.Zebra;

public class ZebraShutterTests
{
    private const string Prefix = "BL03I-EA-SHTR-01:";

    private static async Task<ZebraShutter> MockShutterAsync()
    {
        var shutter = new ZebraShutter(Prefix, "sample_shutter");
        await shutter.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return shutter;
    }

    [Fact]
    public void The_shutter_uses_dodals_pvs_and_labels()
    {
        var shutter = new ZebraShutter(Prefix, "sample_shutter");
        Assert.Equal(Prefix + "CTRL2", Pv.Write(shutter.ManualPositionSetpoint));
        Assert.Equal(Prefix + "CTRL1", Pv.Write(shutter.ControlMode));
        Assert.Equal(Prefix + "CTRL1", Pv.Read(shutter.ControlMode));
        Assert.Equal(Prefix + "STA", Pv.Read(shutter.PositionReadback));
        Assert.Equal(["Close", "Open"], SignalDatatype<ZebraShutterState>.Choices);
        Assert.Equal(["Manual", "Auto"], SignalDatatype<ZebraShutterControl>.Choices);
        Assert.Equal("sample_shutter-control_mode", shutter.ControlMode.Name);
        Assert.Equal("sample_shutter-_manual_position_setpoint", shutter.ManualPositionSetpoint.Name);
    }

    [Fact]
    public async Task Reads_its_position_readback()
    {
        var shutter = await MockShutterAsync();
        shutter.PositionReadback.Mock!.SetValue(ZebraShutterState.Open);
        var reading = Assert.Single(await shutter.ReadAsync());
        Assert.Equal("sample_shutter-position_readback", reading.Key);
        Assert.Equal("Open", reading.Value.Value);
    }

    [Fact]
    public async Task Opening_writes_the_manual_demand_and_waits_for_the_readback()
    {
        var shutter = await MockShutterAsync();
        var put = Pv.NextPut(shutter.ManualPositionSetpoint.Mock!);
        var open = shutter.Set(ZebraShutterState.Open);
        Assert.Equal(ZebraShutterState.Open, await put);
        Assert.Equal(new Hyperion.Devices.Backends.MockPut<ZebraShutterState>(ZebraShutterState.Open, true), shutter.ManualPositionSetpoint.Mock!.Puts[0]);
        Assert.False(open.Done);
        shutter.PositionReadback.Mock!.SetValue(ZebraShutterState.Open);
        await open.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Closing_by_label_completes_once_closed()
    {
        var shutter = await MockShutterAsync();
        shutter.ManualPositionSetpoint.Mock!.PutCallback = (value, _) => { shutter.PositionReadback.Mock!.SetValue(value); return Task.CompletedTask; };
        shutter.PositionReadback.Mock!.SetValue(ZebraShutterState.Open);
        await shutter.Set("Close");
        Assert.Equal(ZebraShutterState.Close, await shutter.PositionReadback.GetValueAsync());
    }

    [Fact]
    public async Task Setting_in_auto_mode_is_refused_without_writing()
    {
        var shutter = await MockShutterAsync();
        shutter.ControlMode.Mock!.SetValue(ZebraShutterControl.Auto);
        var error = await Assert.ThrowsAsync<ZebraShutterAutoModeException>(() => shutter.Set(ZebraShutterState.Open).Task);
        Assert.Equal("Tried to set shutter to Open but the shutter is in auto mode.", error.Message);
        Assert.Equal(ZebraShutterState.Open, error.Demand);
        Assert.Empty(shutter.ManualPositionSetpoint.Mock!.Puts);
    }
}
