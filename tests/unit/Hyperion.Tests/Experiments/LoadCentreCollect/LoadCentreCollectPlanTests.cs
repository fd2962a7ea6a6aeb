using System.Text.Json.Nodes;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Experiments.LoadCentreCollect;
using Hyperion.Cli.Parameters;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Messages;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Simulation;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;
using static Hyperion.Engine.Simulation.MessageAssertions;

namespace Hyperion.Cli.Tests.Experiments.LoadCentreCollect;

public sealed class LoadCentreCollectPlanTests
{
    /// <summary>A centring that publishes its results as mx-bluesky's flyscan does: a run whose start carries them.</summary>
    private static Func<HyperionDevices, PinTipCentreThenXrayCentre, Plan> CentringFinding(params XRayCentreResult[] results) =>
        (_, _) => Preprocessors.SetRunKey(
            Preprocessors.RunWrapper(
                Plan.From(new Msg(Commands.Null)),
                new Dictionary<string, object?> { ["xray_centre_results"] = results.Select(r => (object?)r.ToMetadata()).ToList() }),
            PlanNames.FlyscanResults);

    private static Func<HyperionDevices, PinTipCentreThenXrayCentre, Plan> CentringThatThrows(Exception error) =>
        (_, _) => Throwing(error);

    private static async Plan Throwing(Exception error)
    {
        await Stubs.Null();
        throw error;
    }

    /// <summary>A simulator that, like the RunEngine, gives the plan's subscribed callbacks each run's start.</summary>
    private static RunEngineSimulator Simulator(HyperionDevices devices)
    {
        var sim = new RunEngineSimulator();
        sim.AddHandler([Commands.OpenRun], msg =>
        {
            sim.FireCallback(DocumentName.Start, new RunStart { Uid = Guid.NewGuid().ToString(), Time = 1, Metadata = msg.Kwargs.ToDictionary(StringComparer.Ordinal) });
            return null;
        }, _ => true);
        sim.AddReadHandlerFor(devices.Robot.CurrentPuck, 1.0);
        sim.AddReadHandlerFor(devices.Robot.CurrentPin, 1.0);
        return sim;
    }

    private static List<JsonNode> SweepParameters(IReadOnlyList<Msg> messages) =>
        [.. messages.Where(m => IsOpenRun(m, "rotation_scan_with_cleanup")).Select(m => JsonNode.Parse((string)m.Kwargs["mx_bluesky_parameters"]!)!)];

    [Fact]
    public async Task Loads_centres_then_collects_at_each_selected_centre_ordered_by_x_with_alternating_direction()
    {
        var devices = await DevicesAsync();
        var parameters = LccParams(json => json["select_centres"] = new JsonObject { ["name"] = "TopNByMaxCount", ["n"] = 2 });
        var messages = Simulator(devices).SimulatePlan(LoadCentreCollectPlan.Run(devices, parameters, CentringFinding(
            CentreSelectionTests.Result(10, 12345, 0.3, 0.2, 0.1),
            CentreSelectionTests.Result(5, 12345, 0.9, 0.9, 0.9),
            CentreSelectionTests.Result(20, 12345, 0.1, 0.2, 0.3))));

        var outer = AssertMessageAndReturnRemaining(messages, m => m.Command == Commands.OpenRun && Equals(m.Run, "load_centre_collect"));
        Assert.Equal(new List<object?> { "BeamDrawingCallback", "SampleHandlingCallback", "AlertOnContainerChange" }, outer[0].Kwargs["activate_callbacks"]);
        var metadata = Assert.IsType<Dictionary<string, object?>>(outer[0].Kwargs["metadata"]);
        Assert.Equal((12345L, "cm31105-4", 40), ((long)metadata["sample_id"]!, (string)metadata["visit"]!, (int)metadata["container"]!));
        var withSnapshot = JsonNode.Parse((string)outer[0].Kwargs["with_snapshot"]!)!.AsObject();
        Assert.Equal("[0,90,180,270]", withSnapshot["snapshot_omegas_deg"]!.ToJsonString());
        var rest = AssertMessageAndReturnRemaining(outer, m => m.Command == Commands.Subscribe);
        rest = AssertMessageAndReturnRemaining(rest, m => IsOpenRun(m, "robot_load"));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.OpenRun && Equals(m.Run, PlanNames.FlyscanResults));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Unsubscribe);
        _ = AssertMessageAndReturnRemaining(rest, m => IsOpenRun(m, "multi_rotation_wrapper"));

        var sweeps = SweepParameters(messages);
        Assert.Equal(2, sweeps.Count);
        Assert.Equal([100.0, 300.0], sweeps.Select(s => Math.Round(s["x_start_um"]!.GetValue<double>(), 9)));
        Assert.Equal([300.0, 100.0], sweeps.Select(s => Math.Round(s["z_start_um"]!.GetValue<double>(), 9)));
        Assert.Equal(["Negative", "Positive"], sweeps.Select(s => s["rotation_direction"]!.GetValue<string>()));
        Assert.Equal([0.0, -180.0], sweeps.Select(s => s["omega_start_deg"]!.GetValue<double>()));
        Assert.Equal([0, 1800], sweeps.Select(s => s["nexus_vds_start_img"]!.GetValue<int>()));
        Assert.All(sweeps, s => Assert.Equal(12345, s["sample_id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task By_default_only_the_best_centre_is_collected()
    {
        var devices = await DevicesAsync();
        var messages = Simulator(devices).SimulatePlan(LoadCentreCollectPlan.Run(devices, LccParams(), CentringFinding(
            CentreSelectionTests.Result(10, 12345, 0.3, 0.2, 0.1),
            CentreSelectionTests.Result(20, 12345, 0.5, 0.6, 0.7))));

        var sweep = Assert.Single(SweepParameters(messages));
        Assert.Equal(500.0, Math.Round(sweep["x_start_um"]!.GetValue<double>(), 9));
    }

    [Fact]
    public async Task Each_sample_gets_its_own_collections_with_its_sample_id_and_centres_without_one_are_skipped()
    {
        var devices = await DevicesAsync();
        var parameters = LccParams(json => json["select_centres"] = new JsonObject { ["name"] = "TopNByMaxCountForEachSample", ["n"] = 1 });
        var messages = Simulator(devices).SimulatePlan(LoadCentreCollectPlan.Run(devices, parameters, CentringFinding(
            CentreSelectionTests.Result(10, 1, 0.2, 0.2, 0.2),
            CentreSelectionTests.Result(99, null, 0.05, 0.05, 0.05),
            CentreSelectionTests.Result(20, 2, 0.4, 0.5, 0.6))));

        var sweeps = SweepParameters(messages);
        Assert.Equal([1L, 2L], sweeps.Select(s => s["sample_id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task No_centring_result_collects_where_the_pin_is()
    {
        var devices = await DevicesAsync();
        var sim = Simulator(devices);
        sim.AddReadHandlerFor(devices.Smargon.X.UserReadback, 0.4);
        sim.AddReadHandlerFor(devices.Smargon.Y.UserReadback, 0.5);
        sim.AddReadHandlerFor(devices.Smargon.Z.UserReadback, 0.6);

        var messages = sim.SimulatePlan(LoadCentreCollectPlan.Run(devices, LccParams(), (_, _) => Plan.From(new Msg(Commands.Null))));

        var sweep = Assert.Single(SweepParameters(messages));
        Assert.Equal([400.0, 500.0, 600.0], new[] { "x_start_um", "y_start_um", "z_start_um" }.Select(k => Math.Round(sweep[k]!.GetValue<double>(), 9)));
        Assert.Equal(12345, sweep["sample_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task No_crystal_found_ends_the_plan_without_collecting()
    {
        var devices = await DevicesAsync();
        var sim = Simulator(devices);
        var messages = new List<Msg>();
        sim.AddHandler(new MessageHandler(m => { messages.Add(m); return false; }, _ => null, "record"));

        Assert.Throws<CrystalNotFoundException>(() => sim.SimulatePlan(
            LoadCentreCollectPlan.Run(devices, LccParams(), CentringThatThrows(new CrystalNotFoundException()))));

        AssertNoMessage(messages, m => IsOpenRun(m, "multi_rotation_wrapper"));
        _ = AssertMessageAndReturnRemaining(messages, m => m.Command == Commands.CloseRun && Equals(m.Run, "load_centre_collect") && Equals(m.Kwargs["exit_status"], "fail"));
    }

    [Fact]
    public async Task No_crystal_found_is_ignored_when_the_selection_says_so_and_the_pin_is_collected_where_it_is()
    {
        var devices = await DevicesAsync();
        var parameters = LccParams(json => json["select_centres"] = new JsonObject { ["name"] = "TopNByMaxCount", ["n"] = 1, ["ignore_xtal_not_found"] = true });

        var messages = Simulator(devices).SimulatePlan(LoadCentreCollectPlan.Run(devices, parameters, CentringThatThrows(new CrystalNotFoundException())));

        Assert.Single(SweepParameters(messages));
    }

    [Fact]
    public async Task Other_centring_failures_are_not_ignored()
    {
        var devices = await DevicesAsync();
        var parameters = LccParams(json => json["select_centres"] = new JsonObject { ["name"] = "TopNByMaxCount", ["n"] = 1, ["ignore_xtal_not_found"] = true });

        Assert.Throws<SampleException>(() => Simulator(devices).SimulatePlan(
            LoadCentreCollectPlan.Run(devices, parameters, CentringThatThrows(new SampleException("pin too long")))));
    }

    [Fact]
    public void Alternating_sweeps_flip_every_other_collection_across_centres_covering_the_same_range()
    {
        var template = LccParams(json =>
        {
            var sweeps = json["multi_rotation_scan"]!["rotation_scans"]!.AsArray();
            sweeps.Add(new JsonObject { ["rotation_direction"] = "Negative", ["scan_width_deg"] = 180.0, ["omega_start_deg"] = 10 });
        }).MultiRotationScan.RotationScans;

        var sweeps = LoadCentreCollectPlan.RotationSweeps(template, [(1, new[] { 1.0, 2, 3 }), (2, new[] { 4.0, 5, 6 })], isAlternating: true);

        Assert.Equal(
            [("Negative", 0.0), ("Positive", -170.0), ("Negative", 0.0), ("Positive", -170.0)],
            sweeps.Select(s => (s.RotationDirection.ToString(), s.OmegaStartDeg)));
        Assert.Equal([1L, 1L, 2L, 2L], sweeps.Select(s => s.SampleId));
        Assert.Equal([1.0, 1.0, 4.0, 4.0], sweeps.Select(s => s.XStartUm!.Value));
    }

    [Fact]
    public void Without_alternation_sweeps_keep_their_direction()
    {
        var template = LccParams().MultiRotationScan.RotationScans;

        var sweeps = LoadCentreCollectPlan.RotationSweeps(template, [(1, new[] { 1.0, 2, 3 }), (2, new[] { 4.0, 5, 6 })], isAlternating: false);

        Assert.All(sweeps, s => Assert.Equal((Hyperion.Devices.Mx.Zebra.RotationDirection.Negative, 0.0), (s.RotationDirection, s.OmegaStartDeg)));
    }
}
