using System.Text.Json.Nodes;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Experiments.Gridscan;
using Hyperion.Cli.Experiments.XrayCentre;
using Hyperion.Devices.Mx.GridScan;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Simulation;
using Hyperion.Engine.Statuses;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;
using static Hyperion.Engine.Simulation.MessageAssertions;

namespace Hyperion.Cli.Tests.Experiments.XrayCentre;

public sealed class FlyscanXrayCentrePlanTests
{
    private static (IReadOnlyList<Msg> Messages, RunEngineSimulator Sim) Simulate(HyperionDevices devices, Engine.Planning.Plan plan, Action<RunEngineSimulator>? setup = null)
    {
        var sim = new RunEngineSimulator();
        SimHelpers.ZocaloResults(sim, devices.Zocalo, SimHelpers.Crystal());
        setup?.Invoke(sim);
        return (sim.SimulatePlan(plan), sim);
    }

    private static MessageHandler Recorder(List<Msg> messages) => new(
        m => m.Command is not Commands.Subscribe and not Commands.Unsubscribe,
        m =>
        {
            messages.Add(m);
            return null;
        },
        "records every message");

    [Fact]
    public async Task Runs_carry_mx_bluesky_metadata_and_run_keys()
    {
        var devices = await DevicesAsync();
        var parameters = XrcTestData.Specified();
        var (messages, _) = Simulate(devices, FlyscanXrayCentrePlan.Run(devices, parameters));

        var ispyb = AssertMessageAndReturnRemaining(messages, m => IsOpenRun(m, PlanNames.GridDetectAndDoGridscan))[0];
        Assert.Equal(PlanNames.GridDetectAndDoGridscan, ispyb.Run);
        Assert.Equal(new List<string> { "GridDetectAndScanISPyBCallback" }, ispyb.Kwargs["activate_callbacks"]);
        Assert.Equal(parameters.ToJson().ToJsonString(), ispyb.Kwargs["mx_bluesky_parameters"]);

        var outer = AssertMessageAndReturnRemaining(messages, m => IsOpenRun(m, PlanNames.GridscanOuter))[0];
        Assert.Equal(PlanNames.GridscanOuter, outer.Run);
        Assert.Equal(new List<string> { "GridscanNexusFileCallback" }, outer.Kwargs["activate_callbacks"]);
        Assert.Equal(540.0, JsonNode.Parse((string)outer.Kwargs["mx_bluesky_parameters"]!)!["x_steps"]!.GetValue<double>() * 13.5);

        var doFgs = AssertMessageAndReturnRemaining(messages, m => IsOpenRun(m, PlanNames.DoFgs))[0];
        Assert.Equal(PlanNames.DoFgs, doFgs.Run);
        var spec = (Dictionary<string, object?>)doFgs.Kwargs["omega_to_scan_spec"]!;
        Assert.Equal(["0", "90"], spec.Keys);
        Assert.Equal(800, ((System.Collections.IList)((Dictionary<string, object?>)spec["0"]!)["sam_x"]!).Count);
        Assert.Equal(400, ((System.Collections.IList)((Dictionary<string, object?>)spec["90"]!)["sam_z"]!).Count);

        var results = AssertMessageAndReturnRemaining(messages, m => m.Command == Commands.OpenRun && Equals(m.Run, PlanNames.FlyscanResults))[0];
        var published = Assert.Single((System.Collections.IList)results.Kwargs[PlanNames.FlyscanResults]!);
        Assert.Equal(123456L, ((Dictionary<string, object?>)published!)["sample_id"]);
    }

    [Fact]
    public async Task Gridscan_sets_up_reads_prepares_arms_then_flies_and_tidies_in_mx_bluesky_order()
    {
        var devices = await DevicesAsync();
        var (messages, _) = Simulate(devices, FlyscanXrayCentrePlan.Run(devices, XrcTestData.Specified()));
        var zebra = devices.Zebra;
        var fgs = devices.ZebraFastGridScan;

        var rest = AssertMessageAndReturnRemaining(messages, m => m.Command == Commands.Stage && ReferenceEquals(m.Obj, devices.Zocalo), group: "clear zocalo queue");
        rest = AssertMessageAndReturnRemaining(rest, m => IsOpenRun(m, PlanNames.GridDetectAndDoGridscan));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Attenuator, 0.5));
        rest = AssertMessageAndReturnRemaining(rest, m => IsOpenRun(m, PlanNames.GridscanOuter));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.SampleShutter.ControlMode, ZebraShutterControl.Auto), group: PlanGroups.SetupZebraForGridscan);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.LogicGates.AndGates[2].Sources[2], (double)zebra.Mapping.Sources.In4Ttl), group: PlanGroups.SetupZebraForGridscan);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.Output.OutPvs[1], (double)zebra.Mapping.Sources.In3Ttl), group: PlanGroups.SetupZebraForGridscan);
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, PlanGroups.SetupZebraForGridscan));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Smargon.WrappedOmega.Phase, 0.0));
        rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.HardwareReadPre));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Prepare && ReferenceEquals(m.Obj, fgs)
            && m.Args[0] is global::Hyperion.Devices.Mx.GridScan.ZebraGridScanParamsThreeD { XSteps: 40, YSteps: 20, ZSteps: 10, DwellTimeMs: 4 });
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, PlanGroups.GridReadyForDc));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Stage && ReferenceEquals(m.Obj, devices.Eiger));
        rest = AssertMessageAndReturnRemaining(rest, m => IsOpenRun(m, PlanNames.DoFgs));
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, "clear zocalo queue"));
        rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.ZocaloHwRead));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Kickoff && ReferenceEquals(m.Obj, fgs));
        rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.HardwareReadDuring));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Complete && ReferenceEquals(m.Obj, fgs));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Unstage && ReferenceEquals(m.Obj, devices.Eiger));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.CloseRun && Equals(m.Run, PlanNames.DoFgs));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, fgs.ZSteps, 0));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.Output.OutPvs[1], (double)zebra.Mapping.Sources.PcPulse), group: GridscanZebraSetup.FlyscanZebraTidyGroup);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.SampleShutter.ControlMode, ZebraShutterControl.Manual), group: GridscanZebraSetup.FlyscanZebraTidyGroup);
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, GridscanZebraSetup.FlyscanZebraTidyGroup));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Eiger.Odin.Fan.DevShmEnable, 0));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.CloseRun && Equals(m.Run, PlanNames.GridscanOuter));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Attenuator, 1.0));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Trigger && ReferenceEquals(m.Obj, devices.Zocalo));
        rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.FlyscanResults));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.CloseRun && Equals(m.Run, PlanNames.GridDetectAndDoGridscan));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Set && ReferenceEquals(m.Obj, devices.Smargon));
        AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Unstage && ReferenceEquals(m.Obj, devices.Zocalo));
    }

    [Fact]
    public async Task A_failed_kickoff_stops_the_eiger_and_still_tidies_the_zebra_eiger_xbpm_and_zocalo()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        sim.AddHandler(Commands.Kickoff, _ => throw new TimeoutException("scan did not start"));
        var messages = new List<Msg>();
        sim.AddHandler(Recorder(messages), lowestPrecedence: true);

        Assert.Throws<TimeoutException>(() => sim.SimulatePlan(FlyscanXrayCentrePlan.Run(devices, XrcTestData.Specified())));

        var rest = AssertMessageAndReturnRemaining(messages, m => m.Command == Commands.Stop && ReferenceEquals(m.Obj, devices.Eiger));
        AssertNoMessage(messages, m => m.Command == Commands.Unstage && ReferenceEquals(m.Obj, devices.Eiger));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.SampleShutter.ControlMode, ZebraShutterControl.Manual), group: GridscanZebraSetup.FlyscanZebraTidyGroup);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Eiger.Odin.Fan.DevShmEnable, 0));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Attenuator, 1.0));
        AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Unstage && ReferenceEquals(m.Obj, devices.Zocalo));
        AssertNoMessage(messages, m => m.Command == Commands.Trigger && ReferenceEquals(m.Obj, devices.Zocalo));
    }

    [Fact]
    public async Task A_grid_the_controller_rejects_is_a_sample_error()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        var prepared = false;
        sim.AddHandler(Commands.Prepare, _ => { prepared = true; }, devices.ZebraFastGridScan.Name);
        var invalid = new Status(Task.FromException(new GridScanInvalidException(TimeSpan.FromSeconds(0.5))), devices.ZebraFastGridScan);
        sim.AddHandler(
            [Commands.Wait],
            _ =>
            {
                prepared = false;
                throw new FailedStatus(invalid);
            },
            _ => prepared);

        var error = Assert.Throws<SampleException>(() => sim.SimulatePlan(FlyscanXrayCentrePlan.Run(devices, XrcTestData.Specified())));
        Assert.Equal($"[SampleException]: {CommonFlyscanXrayCentrePlan.ScanInvalidMessage}", error.Message);
    }

    [Fact]
    public async Task No_hit_above_the_total_count_threshold_raises_crystal_not_found_and_moves_nothing()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        SimHelpers.ZocaloResults(sim, devices.Zocalo, SimHelpers.Crystal(totalCount: 2));
        var messages = new List<Msg>();
        sim.AddHandler(Recorder(messages), lowestPrecedence: true);

        Assert.Throws<CrystalNotFoundException>(() => sim.SimulatePlan(FlyscanXrayCentrePlan.Run(devices, XrcTestData.Specified())));

        AssertNoMessage(messages, m => m.Command == Commands.OpenRun && Equals(m.Run, PlanNames.FlyscanResults));
        AssertNoMessage(messages, m => m.Command == Commands.Set && ReferenceEquals(m.Obj, devices.Smargon));
        AssertMessageAndReturnRemaining(messages, m => m.Command == Commands.Unstage && ReferenceEquals(m.Obj, devices.Zocalo));
    }

    [Fact]
    public async Task The_smargon_moves_to_the_best_hit_converted_to_motor_positions()
    {
        var devices = await DevicesAsync();
        var (messages, _) = Simulate(devices, FlyscanXrayCentrePlan.Run(devices, XrcTestData.Specified()));

        var move = AssertMessageAndReturnRemaining(messages, m => m.Command == Commands.Set && ReferenceEquals(m.Obj, devices.Smargon))[0];
        var combined = Assert.IsType<global::Hyperion.Devices.Mx.Goniometer.CombinedMove>(move.Args[0]);
        Assert.Equal(0.3, combined.X!.Value, 9);
        Assert.Equal(0.3, combined.Y!.Value, 9);
        Assert.Equal(0.36, combined.Z!.Value, 9);
    }
}
