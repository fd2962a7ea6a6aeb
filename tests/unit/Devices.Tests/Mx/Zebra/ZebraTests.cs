using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Tests.Mx.Zebra;

public class ZebraTests
{
    private const string Prefix = "BL03I-EA-ZEBRA-01:";

    private static async Task<Hyperion.Devices.Mx.Zebra.Zebra> MockZebraAsync()
    {
        var zebra = new Hyperion.Devices.Mx.Zebra.Zebra(Prefix, ZebraMapping.I03, "zebra");
        await zebra.ConnectAsync(new DeviceConnectOptions { Mock = true });
        return zebra;
    }

    [Fact]
    public void The_position_compare_uses_dodals_pvs()
    {
        var pc = new Hyperion.Devices.Mx.Zebra.Zebra(Prefix, ZebraMapping.I03, "zebra").Pc;
        var expected = new Dictionary<string, string>
        {
            ["PC_GATE_NGATE"] = Pv.Write(pc.NumGates),
            ["PC_ENC"] = Pv.Write(pc.GateTrigger),
            ["PC_GATE_SEL"] = Pv.Write(pc.GateSource),
            ["PC_GATE_INP"] = Pv.Write(pc.GateInput),
            ["PC_GATE_WID"] = Pv.Write(pc.GateWidth),
            ["PC_GATE_START"] = Pv.Write(pc.GateStart),
            ["PC_GATE_STEP"] = Pv.Write(pc.GateStep),
            ["PC_PULSE_SEL"] = Pv.Write(pc.PulseSource),
            ["PC_PULSE_INP"] = Pv.Write(pc.PulseInput),
            ["PC_PULSE_START"] = Pv.Write(pc.PulseStart),
            ["PC_PULSE_WID"] = Pv.Write(pc.PulseWidth),
            ["PC_PULSE_STEP"] = Pv.Write(pc.PulseStep),
            ["PC_PULSE_MAX"] = Pv.Write(pc.PulseMax),
            ["PC_DIR"] = Pv.Write(pc.Dir),
            ["PC_ARM_SEL"] = Pv.Write(pc.ArmSource),
            ["SYS_RESET.PROC"] = Pv.Write(pc.Reset),
            ["PC_ARM"] = Pv.Write(pc.Arm.ArmSet),
            ["PC_DISARM"] = Pv.Write(pc.Arm.DisarmSet),
            ["PC_ARM_OUT"] = Pv.Read(pc.Arm.Armed),
        };
        foreach (var (suffix, pv) in expected)
        {
            Assert.Equal(Prefix + suffix, pv);
        }

        Assert.Equal(Prefix + "PC_ENC", Pv.Read(pc.GateTrigger));
    }

    [Fact]
    public void Outputs_soft_inputs_and_gates_use_dodals_pvs()
    {
        var zebra = new Hyperion.Devices.Mx.Zebra.Zebra(Prefix, ZebraMapping.I03, "zebra");
        Assert.Equal(Prefix + "PULSE1_INP", Pv.Write(zebra.Output.Pulse1.Input));
        Assert.Equal(Prefix + "PULSE1_DLY", Pv.Write(zebra.Output.Pulse1.Delay));
        Assert.Equal(Prefix + "PULSE2_WID", Pv.Write(zebra.Output.Pulse2.Width));
        Assert.Equal([1, 2, 3, 4], zebra.Output.OutPvs.Keys);
        Assert.Equal([Prefix + "OUT1_TTL", Prefix + "OUT2_TTL", Prefix + "OUT3_TTL", Prefix + "OUT4_TTL"], zebra.Output.OutPvs.Values.Select(Pv.Write));
        Assert.Equal(Prefix + "SOFT_IN:B0", Pv.Write(zebra.Inputs.SoftIn1));
        Assert.Equal(Prefix + "SOFT_IN:B3", Pv.Write(zebra.Inputs.SoftIn4));
        var and3 = zebra.LogicGates.AndGates[3];
        Assert.Equal(Prefix + "AND3_ENA", Pv.Write(and3.Enable));
        Assert.Equal([Prefix + "AND3_INP1", Prefix + "AND3_INP2", Prefix + "AND3_INP3", Prefix + "AND3_INP4"], and3.Sources.Values.Select(Pv.Write));
        Assert.Equal(Prefix + "AND3_INV", Pv.Write(and3.Invert));
        Assert.Equal(Prefix + "OR4_INP2", Pv.Write(zebra.LogicGates.OrGates[4].Sources[2]));
        Assert.Equal([Prefix + "OR1_ENA", Prefix + "OR2_ENA", Prefix + "OR3_ENA", Prefix + "OR4_ENA"], zebra.LogicGates.AllGates(GateType.Or).Select(g => Pv.Write(g.Enable)));
    }

    [Fact]
    public async Task Children_are_named_as_in_dodal_and_nothing_is_read()
    {
        var zebra = await MockZebraAsync();
        Assert.Equal("zebra-pc-arm-armed", zebra.Pc.Arm.Armed.Name);
        Assert.Equal("zebra-pc-gate_trigger", zebra.Pc.GateTrigger.Name);
        Assert.Equal("zebra-output-out_pvs-2", zebra.Output.OutPvs[2].Name);
        Assert.Equal("zebra-output-pulse_1-input", zebra.Output.Pulse1.Input.Name);
        Assert.Equal("zebra-inputs-soft_in_1", zebra.Inputs.SoftIn1.Name);
        Assert.Equal("zebra-logic_gates-and_gates-3-sources-1", zebra.LogicGates.AndGates[3].Sources[1].Name);
        Assert.Equal("zebra-logic_gates-or_gates-1-invert", zebra.LogicGates.OrGates[1].Invert.Name);
        Assert.Empty(await zebra.ReadAsync());
    }

    [Fact]
    public async Task Arming_writes_pc_arm_and_waits_for_the_armed_readback()
    {
        var zebra = await MockZebraAsync();
        var arm = zebra.Pc.Arm;
        arm.ArmSet.Mock!.PutCallback = (_, _) => { arm.Armed.Mock!.SetValue(1); return Task.CompletedTask; };
        await arm.Set(ArmDemand.Arm);
        Assert.Equal(new Hyperion.Devices.Backends.MockPut<double>(1, true), Assert.Single(arm.ArmSet.Mock.Puts));
        Assert.Empty(arm.DisarmSet.Mock!.Puts);
        Assert.True(await zebra.Pc.IsArmedAsync());
    }

    [Fact]
    public async Task Disarming_writes_pc_disarm_and_waits_for_the_armed_readback_to_clear()
    {
        var zebra = await MockZebraAsync();
        var arm = zebra.Pc.Arm;
        arm.Armed.Mock!.SetValue(1);
        var put = Pv.NextPut(arm.DisarmSet.Mock!);
        var disarm = arm.SetAsync(ArmDemand.Disarm);
        Assert.Equal(1, await put);
        Assert.False(disarm.IsCompleted);
        arm.Armed.Mock.SetValue(0);
        await disarm.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(await zebra.Pc.IsArmedAsync());
        Assert.Empty(arm.ArmSet.Mock!.Puts);
    }

    [Fact]
    public async Task Arming_that_is_not_confirmed_times_out()
    {
        var zebra = await MockZebraAsync();
        var arm = zebra.Pc.Arm;
        Assert.Equal(TimeSpan.FromSeconds(3), arm.Timeout);
        arm.Timeout = TimeSpan.FromMilliseconds(50);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => arm.Set(ArmDemand.Arm).Task);
        Assert.Equal("zebra-pc-arm: Arm was not confirmed by PC_ARM_OUT within 0.05 s.", error.Message);
    }

    [Fact]
    public async Task Applying_an_and_gate_config_sets_enable_sources_and_invert_bits()
    {
        var zebra = await MockZebraAsync();
        var config = new LogicGateConfiguration(ZebraMapping.I03.Sources.PcGate).AddInput(ZebraMapping.I03.Sources.SoftIn1, invert: true);
        await zebra.LogicGates.ApplyAndGateConfigAsync(3, config);
        var gate = zebra.LogicGates.AndGates[3];
        Assert.Equal(3, Assert.Single(gate.Enable.Mock!.Puts).Value);
        Assert.Equal([30.0, 60.0, 0.0, 0.0], gate.Sources.Values.Select(s => Assert.Single(s.Mock!.Puts).Value));
        Assert.Equal(2, Assert.Single(gate.Invert.Mock!.Puts).Value);
        Assert.Empty(zebra.LogicGates.AndGates[2].Enable.Mock!.Puts);
        Assert.Empty(zebra.LogicGates.OrGates[3].Enable.Mock!.Puts);
    }

    [Fact]
    public async Task Applying_an_or_gate_config_uses_the_or_gates()
    {
        var zebra = await MockZebraAsync();
        await zebra.LogicGates.ApplyOrGateConfigAsync(1, new LogicGateConfiguration(34).AddInput(35).AddInput(36, true));
        var gate = zebra.LogicGates.OrGates[1];
        Assert.Equal(7, Assert.Single(gate.Enable.Mock!.Puts).Value);
        Assert.Equal(4, Assert.Single(gate.Invert.Mock!.Puts).Value);
        Assert.Empty(zebra.LogicGates.AndGates[1].Enable.Mock!.Puts);
    }

    [Fact]
    public void Boolean_arrays_become_integers_least_significant_bit_first()
    {
        Assert.Equal(0, LogicGateConfigurer.BooleanArrayToInteger([]));
        Assert.Equal(1, LogicGateConfigurer.BooleanArrayToInteger([true]));
        Assert.Equal(10, LogicGateConfigurer.BooleanArrayToInteger([false, true, false, true]));
        Assert.Equal(15, LogicGateConfigurer.BooleanArrayToInteger([true, true, true, true]));
    }

    [Fact]
    public void A_logic_gate_configuration_prints_its_inputs_and_has_at_most_four()
    {
        var config = new LogicGateConfiguration(1).AddInput(2, invert: true).AddInput(3);
        Assert.Equal("INP1=1, INP2=!2, INP3=3", config.ToString());
        config.AddInput(4);
        Assert.Throws<InvalidOperationException>(() => config.AddInput(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogicGateConfiguration(64));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogicGateConfiguration(-1));
    }

    [Fact]
    public void The_enums_carry_the_zebras_labels()
    {
        Assert.Equal(["Soft", "External"], SignalDatatype<ArmSource>.Choices);
        Assert.Equal(["Position", "Time", "External"], SignalDatatype<TrigSource>.Choices);
        Assert.Equal(["Enc1", "Enc2", "Enc3", "Enc4", "Enc1-4Av"], SignalDatatype<EncEnum>.Choices);
        Assert.Equal(["Positive", "Negative"], SignalDatatype<RotationDirection>.Choices);
        Assert.Equal(["Yes", "No"], SignalDatatype<SoftInState>.Choices);
        Assert.Equal(1, RotationDirection.Positive.Multiplier());
        Assert.Equal(-1, RotationDirection.Negative.Multiplier());
        Assert.Equal((1, 0), ((int)ArmDemand.Arm, (int)ArmDemand.Disarm));
    }

    [Fact]
    public void The_axes_map_to_encoders()
    {
        Assert.Equal([EncEnum.Enc1, EncEnum.Enc2, EncEnum.Enc3, EncEnum.Enc4], [I03Axes.SmargonX1, I03Axes.SmargonY, I03Axes.SmargonZ, I03Axes.Omega]);
        Assert.Equal([EncEnum.Enc1, EncEnum.Enc2, EncEnum.Enc3, EncEnum.Enc4], [I24Axes.VgonZ, I24Axes.Omega, I24Axes.VgonX, I24Axes.VgonYh]);
        Assert.Equal(EncEnum.Enc1, I23Axes.Omega);
    }
}
