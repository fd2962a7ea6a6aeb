using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Udc;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Optics;
using Hyperion.Devices.Mx.Robot;
using Hyperion.Devices.Mx.Sample;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Simulation;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;
using static Hyperion.Engine.Simulation.MessageAssertions;

namespace Hyperion.Cli.Tests.Experiments.Udc;

public sealed class UdcDefaultStatePlanTests
{
    private static RunEngineSimulator Healthy(HyperionDevices devices, PinMounted pin = PinMounted.NoPinMounted)
    {
        var sim = new RunEngineSimulator();
        var gantry = devices.Beamline.Get<CryoStreamGantry>("cryostream_gantry");
        sim.AddReadHandlerFor(gantry.CryostreamSelector, "CryoJet");
        sim.AddReadHandlerFor(gantry.CryostreamSelected, 1);
        sim.AddReadHandlerFor(devices.Cryostream.Temp, 100.0);
        sim.AddReadHandlerFor(devices.Cryostream.BackPressure, 0.05);
        sim.AddReadHandlerFor(devices.Robot.GonioPinSensor, pin == PinMounted.NoPinMounted ? "No Pin Mounted" : "Pin Mounted");
        return sim;
    }

    [Fact]
    public async Task Default_state_closes_the_fast_shutter_then_moves_beamstop_aperture_cryojet_and_zoom()
    {
        var devices = await DevicesAsync();
        var messages = Healthy(devices).SimulatePlan(UdcDefaultStatePlan.Run(devices));
        var cryojet = devices.Beamline.Get<OxfordCryoJet>("cryojet");

        var rest = AssertMessageAndReturnRemaining(messages, m => IsSet(m, devices.SampleShutter, ZebraShutterState.Close));
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, UdcDefaultStatePlan.GroupPreBeamstopCheck));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Beamstop.SelectedPos, BeamstopPositions.DataCollection));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.ApertureScatterguard.SelectedAperture, ApertureValue.Small), group: UdcDefaultStatePlan.GroupPostBeamstopCheck);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, cryojet.Coarse, InOut.In), group: UdcDefaultStatePlan.GroupPostBeamstopCheck);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, cryojet.Fine, InOut.In), group: UdcDefaultStatePlan.GroupPostBeamstopCheck);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Oav.ZoomController, "1.0x"), group: UdcDefaultStatePlan.GroupPostBeamstopCheck);
        AssertMessageAndReturnRemaining(rest, m => IsWait(m, UdcDefaultStatePlan.GroupPostBeamstopCheck));
        AssertNoMessage(messages, m => m.Command == Commands.OpenRun);
    }

    [Theory]
    [InlineData(111.0, 0.05, "temperature")]
    [InlineData(100.0, 0.2, "back pressure")]
    public async Task An_unfit_cryostream_stops_udc_before_anything_moves(double temperature, double pressure, string what)
    {
        var devices = await DevicesAsync();
        var sim = Healthy(devices);
        sim.AddReadHandlerFor(devices.Cryostream.Temp, temperature);
        sim.AddReadHandlerFor(devices.Cryostream.BackPressure, pressure);
        var messages = new List<Msg>();
        sim.AddHandler(new MessageHandler(m => { messages.Add(m); return false; }, _ => null, "record"));

        var error = Assert.Throws<CryoStreamException>(() => sim.SimulatePlan(UdcDefaultStatePlan.Run(devices)));

        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        AssertNoMessage(messages, m => m.Command == Commands.Set);
    }

    [Fact]
    public async Task A_cryostream_not_selected_stops_udc()
    {
        var devices = await DevicesAsync();
        var sim = Healthy(devices);
        sim.AddReadHandlerFor(devices.Beamline.Get<CryoStreamGantry>("cryostream_gantry").CryostreamSelector, "HC1");

        var error = Assert.Throws<CryoStreamException>(() => sim.SimulatePlan(UdcDefaultStatePlan.Run(devices)));

        Assert.Contains("not selected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mounted_pin_is_unloaded_in_a_robot_unload_run()
    {
        var devices = await DevicesAsync();
        var messages = Healthy(devices, PinMounted.PinMounted).SimulatePlan(UdcDefaultStatePlan.Run(devices));

        var rest = AssertMessageAndReturnRemaining(messages, m => IsOpenRun(m, "robot_unload"));
        Assert.Equal(new List<object?> { "RobotLoadISPyBCallback" }, rest[0].Kwargs["activate_callbacks"]);
        rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.RobotUpdate));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Trigger && ReferenceEquals(m.Obj, devices.Robot.Unload));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.CloseRun);
        AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Beamstop.SelectedPos, BeamstopPositions.DataCollection));
    }

    [Fact]
    public async Task No_unload_when_no_pin_is_mounted()
    {
        var devices = await DevicesAsync();
        var messages = Healthy(devices).SimulatePlan(UdcDefaultStatePlan.Run(devices));

        AssertNoMessage(messages, m => IsOpenRun(m, "robot_unload"));
    }
}
