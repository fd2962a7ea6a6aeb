using System.Text.Json.Nodes;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Aperture;
using Hyperion.Devices.Mx.Beam;
using Hyperion.Devices.Mx.Eiger;
using Hyperion.Devices.Mx.Goniometer;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Mx.Zebra;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Simulation;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;
using static Hyperion.Engine.Simulation.MessageAssertions;
using OnOff = Hyperion.Devices.Mx.Sample.OnOff;

namespace Hyperion.Cli.Tests.Experiments.Rotation;

public sealed class RotationScanPlanTests
{
    private static IReadOnlyList<Msg> Simulate(HyperionDevices devices, Engine.Planning.Plan plan, Action<RunEngineSimulator>? setup = null)
    {
        var sim = new RunEngineSimulator();
        setup?.Invoke(sim);
        return sim.SimulatePlan(plan);
    }

    [Fact]
    public async Task Outer_run_has_mx_bluesky_metadata_and_each_sweep_its_parameters()
    {
        var devices = await DevicesAsync();
        var parameters = MultiRotation();

        var messages = Simulate(devices, RotationScanPlan.RunMulti(devices, parameters));

        var outer = AssertMessageAndReturnRemaining(messages, m => IsOpenRun(m, "multi_rotation_wrapper"))[0];
        Assert.Equal("multi_rotation_scan", outer.Run);
        Assert.Equal(5400, outer.Kwargs["full_num_of_images"]);
        Assert.Equal(new List<string> { "RotationISPyBCallback", "RotationNexusFileCallback" }, outer.Kwargs["activate_callbacks"]);
        Assert.True(outer.Kwargs.ContainsKey("meta_data_run_number"));

        var sweeps = messages.Where(m => IsOpenRun(m, "rotation_scan_with_cleanup")).ToList();
        Assert.Equal(3, sweeps.Count);
        Assert.All(sweeps, s => Assert.Equal("rotation_scan", s.Run));
        var starts = sweeps.Select(s => JsonNode.Parse((string)s.Kwargs["mx_bluesky_parameters"]!)!).ToList();
        Assert.Equal([0.0, 180.0, 270.0], starts.Select(s => s["omega_start_deg"]!.GetValue<double>()));
        Assert.Equal([0, 1800, 3600], starts.Select(s => s["nexus_vds_start_img"]!.GetValue<int>()));
        Assert.Equal(3, messages.Count(m => IsOpenRun(m, "rotation_scan_main")));
    }

    [Fact]
    public async Task Sweep_sets_zebra_then_arms_it_after_the_collection_speed_then_rotates_and_reads()
    {
        var devices = await DevicesAsync();
        var parameters = SingleRotation(json =>
        {
            json["exposure_time_s"] = 0.2;
            json["omega_start_deg"] = 10;
        });
        var messages = Simulate(devices, RotationScanPlan.Run(devices, parameters), sim =>
        {
            sim.AddReadHandlerFor(devices.Smargon.Omega.AccelerationTime, 0.005);
            sim.AddLocateHandlerFor(devices.Smargon.Omega.AccelerationTime, 0.005);
            sim.AddReadHandlerFor(devices.Smargon.Omega.MaxVelocity, 224.0);
        });
        var zebra = devices.Zebra;
        var omega = devices.Smargon.Omega;

        var main = AssertMessageAndReturnRemaining(messages, m => IsOpenRun(m, "rotation_scan_main"));
        Assert.Equal(1800, ((System.Collections.IList)((System.Collections.IList)main[0].Kwargs["scan_points"]!)[0]!).Count);
        var rest = AssertMessageAndReturnRemaining(main, m => IsSet(m, omega.Velocity, 224.0));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, omega) && Math.Abs((double)m.Args[0]! - -10.00375) < 1e-9, group: PlanGroups.RotationReadyForDc);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.Pc.Dir, RotationDirection.Positive), group: "setup_zebra");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.Pc.GateStart, -10.0), group: "setup_zebra");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.Pc.GateWidth) && Math.Abs((double)m.Args[0]! - 180.3) < 1e-9, group: "setup_zebra");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.Pc.PulseStart, 0.6), group: "setup_zebra");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.Pc.GateTrigger, I03Axes.Omega), group: "setup_zebra");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.SampleShutter.ControlMode, ZebraShutterControl.Auto), group: "setup_zebra");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.LogicGates.AndGates[2].Sources[2], (double)zebra.Mapping.Sources.PcGate), group: "setup_zebra");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.Output.OutPvs[1], (double)zebra.Mapping.Sources.PcPulse), group: "setup_zebra");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Backlight, InOut.Out), group: PlanGroups.RotationReadyForDc);
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, PlanGroups.PrepareAperture));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.ApertureScatterguard.SelectedAperture, ApertureValue.Small));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Thawer.Control, OnOff.Off), group: PlanGroups.RotationReadyForDc);
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, PlanGroups.RotationReadyForDc));
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, PlanGroups.MoveGonioToStart));
        rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.ZocaloHwRead));
        rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.HardwareReadPre));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, omega.Velocity, 0.5));
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, "setup_zebra"));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, zebra.Pc.Arm, ArmDemand.Arm));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, omega) && Math.Abs((double)m.Args[0]! - 180.3075) < 1e-9);
        rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.HardwareReadDuring));
        AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.CloseRun);
    }

    [Fact]
    public async Task Snapshots_are_taken_at_each_omega_after_the_gonio_reaches_its_start_with_backlight_in_and_aperture_out()
    {
        var devices = await DevicesAsync();
        var messages = Simulate(devices, RotationScanPlan.Run(devices, SingleRotation()));

        var rest = AssertMessageAndReturnRemaining(messages, m => IsSet(m, devices.Smargon) && m.Args[0] is CombinedMove { X: 0.001, Chi: 23.85 }, group: PlanGroups.MoveGonioToStart);
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, PlanGroups.MoveGonioToStart));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Backlight, InOut.In), group: PlanGroups.ReadyForOav);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.ApertureScatterguard.SelectedAperture, ApertureValue.OutOfBeam), group: PlanGroups.ReadyForOav);
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, PlanGroups.ReadyForOav));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Prepare && ReferenceEquals(m.Obj, devices.ApertureScatterguard), group: PlanGroups.PrepareAperture);
        foreach (var omega in new[] { 0.0, 90, 180, 270 })
        {
            rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Smargon.WrappedOmega.Phase, omega), group: "oav_snapshot_setup_shot");
            rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Trigger && ReferenceEquals(m.Obj, devices.Oav.Snapshot));
            rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.OavRotationSnapshotTriggered));
        }

        AssertMessageAndReturnRemaining(rest, m => IsOpenRun(m, "rotation_scan_main"));
    }

    [Fact]
    public async Task No_snapshots_or_oav_set_up_when_none_are_asked_for()
    {
        var devices = await DevicesAsync();
        var messages = Simulate(devices, RotationScanPlan.Run(devices, SingleRotation(json => json.Remove("snapshot_omegas_deg"))));

        AssertNoMessage(messages, m => IsCreate(m, DescriptorNames.OavRotationSnapshotTriggered));
        AssertNoMessage(messages, m => IsSet(m, devices.Backlight, InOut.In));
    }

    [Fact]
    public async Task Grid_snapshots_make_two_snapshot_events_without_triggering_the_oav()
    {
        var devices = await DevicesAsync();
        var messages = Simulate(devices, RotationScanPlan.Run(devices, SingleRotation(json =>
        {
            json.Remove("snapshot_omegas_deg");
            json["use_grid_snapshots"] = true;
        })));

        Assert.Equal(2, messages.Count(m => IsCreate(m, DescriptorNames.OavRotationSnapshotTriggered)));
        AssertNoMessage(messages, m => m.Command == Commands.Trigger && ReferenceEquals(m.Obj, devices.Oav.Snapshot));
        AssertNoMessage(messages, m => IsSet(m, devices.Backlight, InOut.In));
    }

    [Fact]
    public async Task Detector_is_armed_once_for_all_sweeps_and_unstaged_before_the_outer_run_closes()
    {
        var devices = await DevicesAsync();
        var messages = Simulate(devices, RotationScanPlan.RunMulti(devices, MultiRotation()));

        _ = Assert.Single(messages, m => IsSet(m, devices.Eiger.DoArm, 1));
        var armIndex = IndexOf(messages, m => IsSet(m, devices.Eiger.DoArm, 1));
        Assert.True(armIndex < IndexOf(messages, m => IsOpenRun(m, "multi_rotation_wrapper")));
        var unstage = IndexOf(messages, m => m.Command == Commands.Unstage && ReferenceEquals(m.Obj, devices.Eiger));
        Assert.True(unstage > messages.ToList().FindLastIndex(m => IsOpenRun(m, "rotation_scan_main")));
        Assert.True(unstage < messages.ToList().FindLastIndex(m => m.Command == Commands.CloseRun));
        _ = Assert.Single(messages, m => m.Command == Commands.Unstage);
    }

    [Fact]
    public async Task Transmission_is_set_after_xbpm_is_paused_and_restored_only_after_the_outer_run_closes()
    {
        var devices = await DevicesAsync();
        var messages = Simulate(devices, RotationScanPlan.RunMulti(devices, MultiRotation()));

        var pause = IndexOf(messages, m => IsSet(m, devices.XbpmFeedback.PauseFeedback, Pause.Pause));
        var setTransmission = IndexOf(messages, m => IsSet(m, devices.Attenuator, 0.1));
        var open = IndexOf(messages, m => IsOpenRun(m, "multi_rotation_wrapper"));
        var lastClose = messages.ToList().FindLastIndex(m => m.Command == Commands.CloseRun);
        var unpause = messages.ToList().FindLastIndex(m => IsSet(m, devices.XbpmFeedback.PauseFeedback, Pause.Run));
        Assert.True(pause < setTransmission && setTransmission < open);
        Assert.True(unpause > lastClose);
    }

    [Fact]
    public async Task Undulator_gap_is_verified_before_each_sweep_run_opens()
    {
        var devices = await DevicesAsync();
        var messages = Simulate(devices, RotationScanPlan.RunMulti(devices, MultiRotation()), sim =>
            sim.AddReadHandlerFor(devices.Dcm.EnergyInKeV.UserReadback, 12.7));

        var sweepOpens = messages.Select((m, i) => (m, i)).Where(x => IsOpenRun(x.m, "rotation_scan_with_cleanup")).Select(x => x.i).ToList();
        var undulatorSets = messages.Select((m, i) => (m, i)).Where(x => IsSet(x.m, devices.Undulator, 12.7)).Select(x => x.i).ToList();
        Assert.Equal(3, undulatorSets.Count);
        Assert.All(sweepOpens.Zip(undulatorSets), pair => Assert.True(pair.Second < pair.First));
        Assert.True(undulatorSets[0] > IndexOf(messages, m => IsOpenRun(m, "multi_rotation_wrapper")));
    }

    [Fact]
    public async Task A_failed_rotation_still_tidies_the_zebra_closes_the_detector_shutter_and_unpauses_xbpm()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        sim.AddHandler(Commands.Set, msg =>
        {
            if (msg.Kwargs.GetValueOrDefault("group") is string g && g.StartsWith("set", StringComparison.Ordinal) && msg.Args[0] is double)
            {
                throw new InvalidOperationException("omega stalled");
            }

            return null;
        }, devices.Smargon.Omega.Name);
        var messages = new List<Msg>();
        sim.AddHandler(new MessageHandler(m => { messages.Add(m); return false; }, _ => null, "record"));

        var error = Assert.ThrowsAny<Exception>(() => sim.SimulatePlan(RotationScanPlan.Run(devices, SingleRotation())));

        Assert.Contains("omega stalled", error.ToString(), StringComparison.Ordinal);
        var failure = IndexOf(messages, m => IsSet(m, devices.Smargon.Omega) && m.Kwargs.GetValueOrDefault("group") is string g && g.StartsWith("set", StringComparison.Ordinal));
        var after = messages.Skip(failure).ToList();
        AssertMessageAndReturnRemaining(after, m => IsSet(m, devices.DetectorMotion.Shutter, ShutterState.Closed), group: "cleanup");
        AssertMessageAndReturnRemaining(after, m => IsSet(m, devices.Zebra.Pc.Arm, ArmDemand.Disarm), group: "cleanup");
        AssertMessageAndReturnRemaining(after, m => IsSet(m, devices.SampleShutter.ControlMode, ZebraShutterControl.Manual), group: "cleanup");
        AssertMessageAndReturnRemaining(after, m => IsWait(m, "cleanup"));
        AssertMessageAndReturnRemaining(after, m => m.Command == Commands.CloseRun && Equals(m.Kwargs.GetValueOrDefault("exit_status"), "fail"));
        AssertMessageAndReturnRemaining(after, m => IsSet(m, devices.XbpmFeedback.PauseFeedback, Pause.Run));
        AssertMessageAndReturnRemaining(after, m => m.Command == Commands.Stop && ReferenceEquals(m.Obj, devices.Eiger));
    }

    [Fact]
    public async Task Sweeps_without_start_positions_do_not_move_xyz()
    {
        var devices = await DevicesAsync();
        var messages = Simulate(devices, RotationScanPlan.Run(devices, SingleRotation(json =>
        {
            json.Remove("x_start_um");
            json.Remove("y_start_um");
            json.Remove("z_start_um");
        })));

        var move = AssertMessageAndReturnRemaining(messages, m => IsSet(m, devices.Smargon), group: PlanGroups.MoveGonioToStart)[0];
        Assert.Equal(new CombinedMove { Phi = 0.47, Chi = 23.85 }, move.Args[0]);
    }

    [Fact]
    public void A_single_scan_becomes_a_one_sweep_rotation_scan_with_its_settings()
    {
        var single = SingleRotation();

        var multi = RotationScanPlan.AsRotationScan(single);

        var sweep = Assert.Single(multi.RotationScans);
        Assert.Equal(single.NumImages, multi.NumImages);
        Assert.Equal(single.SampleId, sweep.SampleId);
        Assert.Equal(single.XStartUm, sweep.XStartUm);
        Assert.Equal(single.TransmissionFrac, multi.TransmissionFrac);
        Assert.Equal(single.StorageDirectory, multi.StorageDirectory);
        Assert.Equal(single.SnapshotOmegasDeg, multi.SnapshotOmegasDeg);
    }
}
