using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Experiments.PinTip;
using Hyperion.Cli.Tests.Experiments.XrayCentre;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Simulation;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;

namespace Hyperion.Cli.Tests.Experiments.PinTip;

/// <summary>mx-bluesky's test_pin_tip_centring_plan, on the RunEngine simulator.</summary>
public sealed class PinTipCentringPlanTests
{
    private static readonly int[] Invalid = [.. PinTipDetection.InvalidPosition];

    private static async Task<(HyperionDevices Devices, RunEngineSimulator Sim)> SimulatorAsync(double xReadback = 0, double lowLimit = -10, double highLimit = 10)
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        sim.AddReadHandlerFor(devices.Smargon.X.UserReadback, xReadback);
        sim.AddLocateHandlerFor(devices.Smargon.X.LowLimitTravel, lowLimit);
        sim.AddLocateHandlerFor(devices.Smargon.X.HighLimitTravel, highLimit);
        return (devices, sim);
    }

    private static List<double> XMoves(HyperionDevices devices, IReadOnlyList<Msg> messages) =>
        [.. messages.Where(m => m.Command == Commands.Set && ReferenceEquals(m.Obj, devices.Smargon.X)).Select(m => Convert.ToDouble(m.Args[0], System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task A_tip_already_in_view_is_returned_without_moving_the_smargon()
    {
        var (devices, sim) = await SimulatorAsync();
        SimHelpers.ReadSequence(sim, devices.PinTipDetection.TriggeredTip, new[] { 100, 200 });
        (int X, int Y) found = default;

        var messages = sim.SimulatePlan(Capture(PinTipCentringPlan.MovePinIntoView(devices.PinTipDetection, devices.Smargon), t => found = t));

        Assert.Equal((100, 200), found);
        Assert.Empty(XMoves(devices, messages));
        Assert.Equal(1, messages.Count(m => m.Command == Commands.Trigger && ReferenceEquals(m.Obj, devices.PinTipDetection)));
    }

    [Fact]
    public async Task No_tip_in_view_steps_x_positive_half_a_millimetre_then_returns_the_tip()
    {
        var (devices, sim) = await SimulatorAsync(xReadback: 0.1);
        SimHelpers.ReadSequence(sim, devices.PinTipDetection.TriggeredTip, Invalid, new[] { 100, 200 });
        (int X, int Y) found = default;

        var messages = sim.SimulatePlan(Capture(PinTipCentringPlan.MovePinIntoView(devices.PinTipDetection, devices.Smargon), t => found = t));

        Assert.Equal((100, 200), found);
        Assert.Equal([0.6], XMoves(devices, messages));
        Assert.Contains(messages, m => m.Command == Commands.Sleep && Equals(m.Args[0], PinTipCentringPlan.OavRefreshDelay));
    }

    [Fact]
    public async Task A_tip_at_the_left_edge_steps_x_negative()
    {
        var (devices, sim) = await SimulatorAsync(xReadback: 0.1);
        SimHelpers.ReadSequence(sim, devices.PinTipDetection.TriggeredTip, new[] { 0, 100 }, new[] { 100, 200 });

        var messages = sim.SimulatePlan(PinTipCentringPlan.MovePinIntoView(devices.PinTipDetection, devices.Smargon));

        Assert.Equal(-0.4, Assert.Single(XMoves(devices, messages)), 9);
    }

    [Fact]
    public async Task A_step_beyond_the_soft_limit_stops_at_the_limit()
    {
        var (devices, sim) = await SimulatorAsync(xReadback: 0, highLimit: 0.3);
        SimHelpers.ReadSequence(sim, devices.PinTipDetection.TriggeredTip, Invalid, new[] { 100, 200 });

        var messages = sim.SimulatePlan(PinTipCentringPlan.MovePinIntoView(devices.PinTipDetection, devices.Smargon));

        Assert.Equal([0.3], XMoves(devices, messages));
    }

    [Fact]
    public async Task A_tip_never_found_after_the_last_step_is_a_sample_error_saying_the_pin_is_out_of_range()
    {
        var (devices, sim) = await SimulatorAsync();
        SimHelpers.ReadSequence(sim, devices.PinTipDetection.TriggeredTip, Invalid);
        var steps = 0;
        sim.AddHandler(Commands.Set, _ => { steps++; }, devices.Smargon.X.Name);

        var error = Assert.Throws<SampleException>(() => sim.SimulatePlan(PinTipCentringPlan.MovePinIntoView(devices.PinTipDetection, devices.Smargon)));

        Assert.Equal(PinTipCentringPlan.PinOutOfRangeMessage, error.Message[(error.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
        Assert.Equal(PinTipCentringPlan.DefaultMaxSteps, steps);
    }

    [Fact]
    public async Task Centring_turns_omega_minus_90_between_the_two_tip_findings()
    {
        var (devices, sim) = await SimulatorAsync();
        sim.AddReadHandlerFor(devices.Oav.MicronsPerPixelX, 2.0);
        SimHelpers.ReadSequence(sim, devices.PinTipDetection.TriggeredTip, new[] { 100, 200 });

        var messages = sim.SimulatePlan(PinTipCentringPlan.PinTipCentrePlan(devices.Oav, devices.Smargon, devices.PinTipDetection, tipOffsetMicrons: 100));

        var turn = PlanTestData.IndexOf(messages, m => m.Command == Commands.Set && ReferenceEquals(m.Obj, devices.Smargon.WrappedOmega.Phase));
        Assert.True(turn > 0, "omega turned");
        var triggers = messages.Select((m, i) => (m, i)).Where(p => p.m.Command == Commands.Trigger && ReferenceEquals(p.m.Obj, devices.PinTipDetection)).Select(p => p.i).ToList();
        Assert.Contains(triggers, i => i < turn);
        Assert.Contains(triggers, i => i > turn);
    }

    private static async Hyperion.Engine.Planning.Plan Capture<T>(Hyperion.Engine.Planning.Plan<T> plan, Action<T> keep) => keep(await plan);
}
