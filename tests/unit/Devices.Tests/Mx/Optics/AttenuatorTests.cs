using Hyperion.Devices.Backends;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Optics;

namespace Hyperion.Devices.Tests.Mx.Optics;

public class AttenuatorTests
{
    private static async Task<(BinaryFilterAttenuator Attenuator, List<string> Calls)> MockAttenuatorAsync()
    {
        var attenuator = new BinaryFilterAttenuator("BL03I-EA-ATTN-01:", 16, "attenuator");
        await attenuator.ConnectAsync(new DeviceConnectOptions { Mock = true });
        var calls = new List<string>();
        attenuator.UseCurrentEnergy.Mock!.PutCallback = (_, _) => { calls.Add("use_current_energy"); return Task.CompletedTask; };
        attenuator.DesiredTransmission.Mock!.PutCallback = (v, _) => { calls.Add($"desired_transmission {v}"); return Task.CompletedTask; };
        attenuator.Change.Mock!.PutCallback = (_, _) => { calls.Add("change"); return Task.CompletedTask; };
        return (attenuator, calls);
    }

    [Fact]
    public void The_attenuator_uses_dodals_pvs_and_names()
    {
        var attenuator = new BinaryFilterAttenuator("BL03I-EA-ATTN-01:", 16, "attenuator");
        Assert.Equal("BL03I-EA-ATTN-01:MATCH", ((PvSignalBackend<double>)attenuator.ActualTransmission.Backend).ReadPv);
        Assert.Equal("BL03I-EA-ATTN-01:T2A:SETVAL1", ((PvSignalBackend<double>)attenuator.DesiredTransmission.Backend).WritePv);
        Assert.Equal("BL03I-EA-ATTN-01:E2WL:USECURRENTENERGY.PROC", ((PvSignalBackend<int>)attenuator.UseCurrentEnergy.Backend).WritePv);
        Assert.Equal("BL03I-EA-ATTN-01:FANOUT", ((PvSignalBackend<int>)attenuator.Change.Backend).WritePv);
        Assert.Equal("BL03I-EA-ATTN-01:DEC_TO_BIN.B0", ((PvSignalBackend<int>)attenuator.CalculatedFilterStates[0].Backend).ReadPv);
        Assert.Equal("BL03I-EA-ATTN-01:DEC_TO_BIN.B9", ((PvSignalBackend<int>)attenuator.CalculatedFilterStates[9].Backend).ReadPv);
        Assert.Equal("BL03I-EA-ATTN-01:DEC_TO_BIN.BA", ((PvSignalBackend<int>)attenuator.CalculatedFilterStates[10].Backend).ReadPv);
        Assert.Equal("BL03I-EA-ATTN-01:DEC_TO_BIN.BF", ((PvSignalBackend<int>)attenuator.CalculatedFilterStates[15].Backend).ReadPv);
        Assert.Equal("BL03I-EA-ATTN-01:FILTER1:INLIM", ((PvSignalBackend<bool>)attenuator.FiltersInPosition[0].Backend).ReadPv);
        Assert.Equal("BL03I-EA-ATTN-01:FILTER16:INLIM", ((PvSignalBackend<bool>)attenuator.FiltersInPosition[15].Backend).ReadPv);
        Assert.Equal("attenuator-desired_transmission", attenuator.DesiredTransmission.Name);
        Assert.Equal("attenuator-calculated_filter_states-10", attenuator.CalculatedFilterStates[10].Name);
    }

    [Fact]
    public async Task Reading_gives_the_actual_transmission_only()
    {
        var (attenuator, _) = await MockAttenuatorAsync();
        attenuator.ActualTransmission.Mock!.SetValue(0.5);
        var reading = await attenuator.ReadAsync();
        Assert.Equal(0.5, Assert.Single(reading, r => r.Key == "attenuator-actual_transmission").Value.Value);
        Assert.Single(reading);
    }

    [Fact]
    public async Task Setting_takes_the_energy_writes_the_transmission_changes_then_waits_for_every_filter()
    {
        var (attenuator, calls) = await MockAttenuatorAsync();
        attenuator.CalculatedFilterStates[3].Mock!.SetValue(1);
        attenuator.CalculatedFilterStates[12].Mock!.SetValue(1);
        var status = attenuator.Set(0.25);
        await attenuator.DesiredTransmission.WaitForValueAsync(0.25, TimeSpan.FromSeconds(5));
        attenuator.FiltersInPosition[3].Mock!.SetValue(true);
        Assert.False(status.Done);
        attenuator.FiltersInPosition[12].Mock!.SetValue(true);
        await status.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["use_current_energy", "desired_transmission 0.25", "change"], calls);
    }

    [Fact]
    public async Task A_filter_in_when_it_should_be_out_holds_the_set()
    {
        var (attenuator, _) = await MockAttenuatorAsync();
        attenuator.FiltersInPosition[5].Mock!.SetValue(true);
        var status = attenuator.Set(1.0);
        await attenuator.DesiredTransmission.WaitForValueAsync(1.0, TimeSpan.FromSeconds(5));
        Assert.False(status.Done);
        attenuator.FiltersInPosition[5].Mock!.SetValue(false);
        await status.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(status.Success);
    }
}
