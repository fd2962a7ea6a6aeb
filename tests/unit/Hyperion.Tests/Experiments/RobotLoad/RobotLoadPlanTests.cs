using Hyperion.Cli.Experiments;
using Hyperion.Cli.Experiments.Errors;
using Hyperion.Cli.Experiments.RobotLoad;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Mx.Beam;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Mx.Robot;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Simulation;
using static Hyperion.Cli.Tests.Experiments.PlanTestData;
using static Hyperion.Engine.Simulation.MessageAssertions;
using OnOff = Hyperion.Devices.Mx.Sample.OnOff;
using SampleLocation = Hyperion.Devices.Mx.Robot.SampleLocation;

namespace Hyperion.Cli.Tests.Experiments.RobotLoad;

public sealed class RobotLoadPlanTests
{
    private static RobotLoadThenCentre RobotLoadThenCentreParams(Action<System.Text.Json.Nodes.JsonObject>? edit = null) =>
        LccParams(edit).RobotLoadThenCentre;

    private static Plan FakeCentring(HyperionDevices devices, PinTipCentreThenXrayCentre parameters) =>
        Engine.PlanLibrary.Preprocessors.RunWrapper(Plan.From(new Msg(Commands.Null)), new Dictionary<string, object?> { ["subplan_name"] = "fake_centring" });

    private static void PinLoaded(RunEngineSimulator sim, HyperionDevices devices, int puck, int pin)
    {
        sim.AddReadHandlerFor(devices.Robot.CurrentPuck, (double)puck);
        sim.AddReadHandlerFor(devices.Robot.CurrentPin, (double)pin);
    }

    [Fact]
    public async Task Robot_load_run_has_metadata_reads_the_robot_before_and_after_and_changes_energy_while_loading()
    {
        var devices = await DevicesAsync();
        var parameters = RobotLoadThenCentreParams().RobotLoadParams;
        var messages = new RunEngineSimulator().SimulatePlan(RobotLoadAndChangeEnergyPlan.Run(devices, parameters));

        var rest = AssertMessageAndReturnRemaining(messages, m => IsSet(m, devices.ApertureScatterguard.SelectedAperture, Hyperion.Devices.Mx.Aperture.ApertureValue.OutOfBeam), group: "prepare_robot_load");
        rest = AssertMessageAndReturnRemaining(rest, m => IsOpenRun(m, "robot_load"));
        var open = rest[0];
        Assert.Equal("robot_load", open.Run);
        Assert.Equal(new List<object?> { "RobotLoadISPyBCallback" }, open.Kwargs["activate_callbacks"]);
        var metadata = Assert.IsType<Dictionary<string, object?>>(open.Kwargs["metadata"]);
        Assert.Equal("cm31105-4", metadata["visit"]);
        Assert.Equal(12345L, metadata["sample_id"]);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Backlight, InOut.In), group: "snapshot");
        rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.RobotPreLoad));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Read && ReferenceEquals(m.Obj, devices.Robot));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Robot.NextSampleId, 12345));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Robot, new SampleLocation(40, 3)), group: "robot_load");
        rest = AssertMessageAndReturnRemaining(rest, m => IsOpenRun(m, "set_energy") || (m.Command == Commands.OpenRun && Equals(m.Run, PlanNames.SetEnergy)));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Dcm.EnergyInKeV, 11.1), group: SetEnergyPlan.UndulatorGroup);
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Undulator, 11.1), group: SetEnergyPlan.UndulatorGroup);
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, "robot_load"));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Thawer.Control, OnOff.On));
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, "snapshot"));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Trigger && ReferenceEquals(m.Obj, devices.Oav.Snapshot));
        rest = AssertMessageAndReturnRemaining(rest, m => IsCreate(m, DescriptorNames.RobotUpdate));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Read && ReferenceEquals(m.Obj, devices.Oav.Snapshot));
        rest = AssertMessageAndReturnRemaining(rest, m => IsWait(m, RobotLoadUnload.LowerGonioResetGroup));
        _ = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.CloseRun && Equals(m.Run, "robot_load"));
    }

    [Fact]
    public async Task Lower_gonio_is_homed_before_the_load_and_moved_back_after()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        sim.AddLocateHandlerFor(devices.LowerGonio.X, 0.11);
        sim.AddLocateHandlerFor(devices.LowerGonio.Z, 0.05);
        var messages = sim.SimulatePlan(RobotLoadAndChangeEnergyPlan.Run(devices, RobotLoadThenCentreParams().RobotLoadParams));

        var rest = AssertMessageAndReturnRemaining(messages, m => IsSet(m, devices.LowerGonio.X, 0.0), group: "home-lower_gonio");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.LowerGonio.Z, 0.0), group: "home-lower_gonio");
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Robot));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.LowerGonio.X, 0.11), group: "reset-lower_gonio");
        _ = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.LowerGonio.Z, 0.05), group: "reset-lower_gonio");
        AssertNoMessage(messages, m => IsSet(m, devices.LowerGonio.Y));
    }

    [Fact]
    public async Task A_lower_gonio_outside_the_cryojet_margin_fails_as_a_beamline_problem_before_loading()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        sim.AddLocateHandlerFor(devices.LowerGonio.Y, 0.5);

        var error = Assert.Throws<BeamlineStateException>(() => sim.SimulatePlan(RobotLoadAndChangeEnergyPlan.Run(devices, RobotLoadThenCentreParams().RobotLoadParams)));

        Assert.IsType<MoveTooLargeException>(error.InnerException);
        Assert.Contains("out of the cryojet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_robot_error_fails_the_load_run_and_still_returns_the_lower_gonio()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        sim.AddLocateHandlerFor(devices.LowerGonio.X, 0.11);
        var messages = new List<Msg>();
        sim.AddHandler(Commands.Wait, msg =>
        {
            if (Equals(msg.Kwargs.GetValueOrDefault("group"), "robot_load"))
            {
                throw new RobotLoadFailedException(25, "No pin found");
            }

            return null;
        });
        sim.AddHandler(new MessageHandler(m => { messages.Add(m); return false; }, _ => null, "record"));

        var error = Assert.Throws<RobotLoadFailedException>(() => sim.SimulatePlan(RobotLoadAndChangeEnergyPlan.Run(devices, RobotLoadThenCentreParams().RobotLoadParams)));

        Assert.Equal(25, error.ErrorCode);
        var rest = AssertMessageAndReturnRemaining(messages, m => IsWait(m, "robot_load"));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.LowerGonio.X, 0.11), group: "reset-lower_gonio");
        _ = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.CloseRun && Equals(m.Kwargs.GetValueOrDefault("exit_status"), "fail") && Equals(m.Run, "robot_load"));
        AssertNoMessage(messages, m => IsSet(m, devices.Thawer.Control, OnOff.On));
    }

    [Fact]
    public void A_robot_load_without_puck_or_pin_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => RobotLoadAndChangeEnergyPlan.SampleLocationOf(4, null));

        Assert.Contains("pin none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robot_snapshot_is_named_after_the_time_and_device()
    {
        var devices = await DevicesAsync();
        var messages = new RunEngineSimulator().SimulatePlan(
            RobotLoadAndChangeEnergyPlan.TakeRobotSnapshots(devices.Oav, "/tmp/snapshots", new DateTime(2024, 5, 1, 13, 4, 5, DateTimeKind.Local)));

        var rest = AssertMessageAndReturnRemaining(messages, m => IsSet(m, devices.Oav.Snapshot.Filename, "130405_oav-snapshot_after_load"));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Oav.Snapshot.Directory, "/tmp/snapshots"));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.Trigger && ReferenceEquals(m.Obj, devices.Oav.Snapshot), group: "snapshots");
        _ = AssertMessageAndReturnRemaining(rest, m => IsWait(m, "snapshots"));
    }

    [Fact]
    public async Task Robot_load_then_centre_loads_then_centres_while_preparing_the_detector()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        PinLoaded(sim, devices, 1, 1);
        var messages = sim.SimulatePlan(RobotLoadThenCentrePlan.Run(devices, RobotLoadThenCentreParams(), FakeCentring));

        var rest = AssertMessageAndReturnRemaining(messages, m => IsSet(m, devices.Eiger.DoArm, 1), group: PlanGroups.GridReadyForDc);
        rest = AssertMessageAndReturnRemaining(rest, m => IsOpenRun(m, "robot_load"));
        _ = AssertMessageAndReturnRemaining(rest, m => IsOpenRun(m, "fake_centring"));
        Assert.Equal(11100, devices.Eiger.DetectorParams!.ExpectedEnergyEv);
    }

    [Fact]
    public async Task Robot_load_is_skipped_when_the_pin_is_already_loaded_but_the_energy_is_still_set()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        PinLoaded(sim, devices, 40, 3);
        var messages = sim.SimulatePlan(RobotLoadThenCentrePlan.Run(devices, RobotLoadThenCentreParams(), FakeCentring));

        AssertNoMessage(messages, m => IsOpenRun(m, "robot_load"));
        AssertNoMessage(messages, m => IsOpenRun(m, "fake_centring"));
        _ = AssertMessageAndReturnRemaining(messages, m => IsSet(m, devices.Dcm.EnergyInKeV, 11.1));
    }

    [Fact]
    public async Task An_already_loaded_pin_is_centred_again_when_chi_is_to_change()
    {
        var devices = await DevicesAsync();
        var sim = new RunEngineSimulator();
        PinLoaded(sim, devices, 40, 3);
        sim.AddLocateHandlerFor(devices.Smargon.Chi, 0.0);
        var messages = sim.SimulatePlan(RobotLoadThenCentrePlan.Run(
            devices, RobotLoadThenCentreParams(json => json["robot_load_then_centre"]!["chi_start_deg"] = 30.0), FakeCentring));

        AssertNoMessage(messages, m => IsOpenRun(m, "robot_load"));
        _ = AssertMessageAndReturnRemaining(messages, m => IsOpenRun(m, "fake_centring"));
    }

    [Fact]
    public async Task Energy_is_not_changed_when_none_is_asked_for()
    {
        var devices = await DevicesAsync();
        var messages = new RunEngineSimulator().SimulatePlan(SetEnergyPlan.Run(devices, null));

        Assert.Empty(messages);
    }

    [Fact]
    public async Task Energy_change_pauses_xbpm_at_ten_percent_transmission()
    {
        var devices = await DevicesAsync();
        var messages = new RunEngineSimulator().SimulatePlan(SetEnergyPlan.Run(devices, 12700));

        var rest = AssertMessageAndReturnRemaining(messages, m => IsSet(m, devices.XbpmFeedback.PauseFeedback, Pause.Pause));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Attenuator, 0.1));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.OpenRun && Equals(m.Run, "set_energy"));
        rest = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.Undulator, 12.7));
        rest = AssertMessageAndReturnRemaining(rest, m => m.Command == Commands.CloseRun);
        _ = AssertMessageAndReturnRemaining(rest, m => IsSet(m, devices.XbpmFeedback.PauseFeedback, Pause.Run));
    }

    [Theory]
    [InlineData(SampleStatusExceptionType.Beamline, typeof(BeamlineStateException))]
    [InlineData(SampleStatusExceptionType.Sample, typeof(SampleException))]
    public void Depositing_a_sample_error_fails_its_run_with_that_kind_of_error(SampleStatusExceptionType type, Type expected)
    {
        var sim = new RunEngineSimulator();
        var messages = new List<Msg>();
        sim.AddHandler(new MessageHandler(m => { messages.Add(m); return false; }, _ => null, "record"));

        var error = Assert.ThrowsAny<Exception>(() => sim.SimulatePlan(WriteSampleStatus.DepositSampleError(type, 42)));

        Assert.IsType(expected, error);
        var open = AssertMessageAndReturnRemaining(messages, m => m.Command == Commands.OpenRun)[0];
        Assert.Equal(new List<object?> { "SampleHandlingCallback" }, open.Kwargs["activate_callbacks"]);
        Assert.Equal(42L, Assert.IsType<Dictionary<string, object?>>(open.Kwargs["metadata"])["sample_id"]);
        _ = AssertMessageAndReturnRemaining(messages, m => m.Command == Commands.CloseRun && Equals(m.Kwargs.GetValueOrDefault("exit_status"), "fail"));
    }

    [Fact]
    public void Depositing_a_loaded_sample_is_a_successful_run_seen_by_the_given_callback()
    {
        var seen = new List<Engine.Documents.DocumentName>();
        var messages = new RunEngineSimulator().SimulatePlan(WriteSampleStatus.DepositLoadedSample(7, (name, _) => seen.Add(name)));

        Assert.Equal([Commands.Subscribe, Commands.OpenRun, Commands.Null, Commands.CloseRun, Commands.Unsubscribe], messages.Select(m => m.Command));
    }
}
