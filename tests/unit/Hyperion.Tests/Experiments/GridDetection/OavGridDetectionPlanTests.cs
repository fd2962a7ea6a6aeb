using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Experiments.GridDetection;
using Hyperion.Cli.Experiments.PinTip;
using Hyperion.Cli.Tests.Experiments.XrayCentre;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Simulation;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;

namespace Hyperion.Cli.Tests.Experiments.GridDetection;

/// <summary>mx-bluesky's test_oav_grid_detection, on the RunEngine simulator.</summary>
public sealed class OavGridDetectionPlanTests
{
    private const int TipX = 100;

    [Theory]
    [InlineData(new[] { 0, 0, 5, 6, -1 }, new[] { 10, 12, 480, 480, -1 }, 480, 5, 12)]
    [InlineData(new[] { -1, -1 }, new[] { -1, -1 }, 480, 0, 480)]
    [InlineData(new[] { 3, 2, 4 }, new[] { 20, 25, 22 }, 480, 2, 25)]
    public void The_pins_extent_ignores_missing_edges_and_edges_at_the_image_border(int[] top, int[] bottom, int height, int minY, int maxY) =>
        Assert.Equal((minY, maxY), OavGridDetectionPlan.GetMinAndMaxYOfPin(top, bottom, height));

    [Theory]
    [InlineData(0, -90, 90)]
    [InlineData(10, 0, 10)]
    [InlineData(350, 0, 10)]
    [InlineData(-80, -90, 10)]
    [InlineData(270, -90, 0)]
    public void Phase_distance_is_the_shortest_way_round(double phase, double other, double expected) =>
        Assert.Equal(expected, OavGridDetectionPlan.PhaseDistance(phase, other), 9);

    [Theory]
    [InlineData("xtal_{angle}", 0, "xtal_0")]
    [InlineData("xtal_{angle}", -90, "xtal_90")]
    public void Snapshot_names_use_the_angles_size(string template, int angle, string expected) =>
        Assert.Equal(expected, OavGridDetectionPlan.SnapshotFilename(template, angle));

    private static async Task<(HyperionDevices Devices, RunEngineSimulator Sim)> SimulatorAsync(double omegaPhase)
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        sim.AddReadHandlerFor(devices.Oav.MicronsPerPixelX, 2.0);
        sim.AddReadHandlerFor(devices.Oav.MicronsPerPixelY, 2.0);
        sim.AddReadHandlerFor(devices.Oav.Cam.ArraySizeY, 768);
        sim.AddReadHandlerForMultiple(devices.Smargon.WrappedOmega, (devices.Smargon.WrappedOmega.OffsetAndPhase.Name, new[] { 0f, (float)omegaPhase }));
        var top = Enumerable.Repeat(OavGridDetectionPlan.NoneValue, 1024).ToArray();
        var bottom = Enumerable.Repeat(OavGridDetectionPlan.NoneValue, 1024).ToArray();
        for (var x = TipX; x < TipX + 200; x++)
        {
            (top[x], bottom[x]) = (300, 345); // a pin 45 px (90 µm) tall
        }

        sim.AddReadHandlerFor(devices.PinTipDetection.TriggeredTopEdge, top);
        sim.AddReadHandlerFor(devices.PinTipDetection.TriggeredBottomEdge, bottom);
        return (devices, sim);
    }

    private static object? LastSetOf(IReadOnlyList<Msg> messages, object device, int after = 0) =>
        messages.Skip(after).First(m => m.Command == Commands.Set && ReferenceEquals(m.Obj, device)).Args[0];

    [Fact]
    public async Task Each_angle_draws_a_grid_from_the_tip_over_the_pin_and_saves_a_snapshot_event()
    {
        var (devices, sim) = await SimulatorAsync(omegaPhase: 0);
        SimHelpers.ReadSequence(sim, devices.PinTipDetection.TriggeredTip, new[] { TipX, 320 });

        var messages = sim.SimulatePlan(OavGridDetectionPlan.GridDetectionPlan(
            devices.Oav, devices.Smargon, devices.PinTipDetection, OavCentringParameters.PinTipCentring, "xtal_{angle}", "/tmp/snapshots", gridWidthMicrons: 400, boxSizeUm: 20));

        var omegaMoves = messages.Where(m => m.Command == Commands.Set && ReferenceEquals(m.Obj, devices.Smargon.WrappedOmega.Phase)).Select(m => m.Args[0]).ToList();
        Assert.Equal([0.0, -90.0], omegaMoves);
        var snapshot = devices.Oav.GridSnapshot;
        var second = IndexOf(messages, m => m.Command == Commands.Set && ReferenceEquals(m.Obj, devices.Smargon.WrappedOmega.Phase) && Equals(m.Args[0], -90.0));

        // 400 µm at 2 µm/px is 200 px of 10 px boxes: 20 columns. The pin is 45 px tall: 5 rows, made 6 at omega 0
        // for the PandA's snake (half a box more above and below), 5 at -90.
        Assert.Equal((double)TipX, LastSetOf(messages, snapshot.TopLeftX));
        Assert.Equal(20, LastSetOf(messages, snapshot.NumBoxesX));
        Assert.Equal(6, LastSetOf(messages, snapshot.NumBoxesY));
        Assert.Equal(295.0, LastSetOf(messages, snapshot.TopLeftY));
        Assert.Equal("xtal_0", LastSetOf(messages, snapshot.Filename));
        Assert.Equal(5, LastSetOf(messages, snapshot.NumBoxesY, second));
        Assert.Equal(300.0, LastSetOf(messages, snapshot.TopLeftY, second));
        Assert.Equal("xtal_90", LastSetOf(messages, snapshot.Filename, second));
        Assert.Equal(2, messages.Count(m => IsCreate(m, DescriptorNames.OavGridSnapshotTriggered)));
        Assert.Equal(2, messages.Count(m => m.Command == Commands.Save));
    }

    [Fact]
    public async Task Starting_nearer_minus_90_detects_there_first()
    {
        var (devices, sim) = await SimulatorAsync(omegaPhase: -80);
        SimHelpers.ReadSequence(sim, devices.PinTipDetection.TriggeredTip, new[] { TipX, 320 });

        var messages = sim.SimulatePlan(OavGridDetectionPlan.GridDetectionPlan(
            devices.Oav, devices.Smargon, devices.PinTipDetection, OavCentringParameters.PinTipCentring, "xtal_{angle}", "/tmp/snapshots", gridWidthMicrons: 400, boxSizeUm: 20));

        var omegaMoves = messages.Where(m => m.Command == Commands.Set && ReferenceEquals(m.Obj, devices.Smargon.WrappedOmega.Phase)).Select(m => m.Args[0]).ToList();
        Assert.Equal([-90.0, 0.0], omegaMoves);
    }

    [Fact]
    public async Task No_tip_at_an_angle_is_a_warning_not_a_failure()
    {
        var (devices, sim) = await SimulatorAsync(omegaPhase: 0);
        SimHelpers.ReadSequence(sim, devices.PinTipDetection.TriggeredTip, [.. PinTipDetection.InvalidPosition]);

        Assert.ThrowsAny<WarningException>(() => sim.SimulatePlan(OavGridDetectionPlan.GridDetectionPlan(
            devices.Oav, devices.Smargon, devices.PinTipDetection, OavCentringParameters.PinTipCentring, "xtal_{angle}", "/tmp/snapshots", gridWidthMicrons: 400, boxSizeUm: 20)));
    }
}
