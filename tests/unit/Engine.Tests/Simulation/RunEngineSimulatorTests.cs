using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using Hyperion.Engine.Tests.Support;
using static Hyperion.Engine.Simulation.MessageAssertions;
using Bp = Hyperion.Engine.PlanLibrary.Plans;

namespace Hyperion.Engine.Tests.Simulation;

public class RunEngineSimulatorTests
{
    [Fact]
    public void Simulator_records_every_message_of_a_plan()
    {
        var sim = new RunEngineSimulator();

        var messages = sim.SimulatePlan(Stubs.Null());

        Assert.Equal([new Msg("null")], messages);
    }

    [Fact]
    public void Messages_without_a_handler_are_answered_with_null()
    {
        var sim = new RunEngineSimulator();

        sim.SimulatePlan(Respond(new Msg("set", new SynAxis("x"), 1.0)));

        Assert.Equal("null", sim.ReturnValue);
    }

    [Fact]
    public void Simulator_returns_read_handler_values_to_the_plan()
    {
        var pinTip = new SynSignal("pin_tip_detection-triggered_tip");
        var sim = new RunEngineSimulator();
        sim.AddReadHandlerFor(pinTip, 5);

        var messages = sim.SimulatePlan(Stubs.Rd(pinTip));

        Assert.Equal(5, sim.ReturnValue);
        AssertMessageAndReturnRemaining(messages, m => m.Command == "read" && m.Obj == pinTip);
    }

    [Fact]
    public void Read_handler_builds_a_reading_keyed_by_the_object_name_stamped_with_the_simulator_clock()
    {
        var clock = new ManualTimeProvider();
        var signal = new SynSignal("det_a");
        var sim = new RunEngineSimulator(clock);
        sim.AddReadHandlerFor(signal, 11);

        sim.SimulatePlan(Stubs.Read(signal));

        var reading = Assert.IsAssignableFrom<IReadOnlyDictionary<string, Reading>>(sim.ReturnValue);
        Assert.Equal(["det_a"], reading.Keys);
        Assert.Equal(11, reading["det_a"].Value);
        Assert.Equal((clock.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalSeconds, reading["det_a"].Timestamp);
    }

    [Fact]
    public void Read_handler_for_multiple_builds_a_reading_per_field_and_keeps_given_readings()
    {
        var abDet = new SynGauss("ab_det");
        var sim = new RunEngineSimulator(new ManualTimeProvider());
        sim.AddReadHandlerForMultiple(abDet, ("a", 11), ("b", new Reading(12, 1717071719)));

        sim.SimulatePlan(Stubs.Read(abDet));

        var reading = Assert.IsAssignableFrom<IReadOnlyDictionary<string, Reading>>(sim.ReturnValue);
        Assert.Equal(11, reading["a"].Value);
        Assert.Equal(new Reading(12, 1717071719), reading["b"]);
    }

    [Fact]
    public void Read_handler_answers_only_reads_of_its_own_object()
    {
        var mine = new SynSignal("mine");
        var other = new SynSignal("other");
        var sim = new RunEngineSimulator();
        sim.AddReadHandlerFor(mine, 1.5);

        sim.SimulatePlan(Stubs.Rd(other, defaultValue: "unanswered"));

        Assert.Equal("unanswered", sim.ReturnValue);
    }

    [Fact]
    public void Locate_handler_answers_rd_of_a_movable()
    {
        var omega = new SynAxis("omega");
        var sim = new RunEngineSimulator();
        sim.AddLocateHandlerFor(omega, 90.0);

        var messages = sim.SimulatePlan(Stubs.Rd(omega));

        Assert.Equal(90.0, sim.ReturnValue);
        Assert.Equal("locate", Assert.Single(messages).Command);
    }

    [Theory]
    [InlineData(new[] { false, false, false }, 2)]
    [InlineData(new[] { true, true, true }, 0)]
    [InlineData(new[] { false, false, true }, 1)]
    public void Later_handlers_take_precedence_unless_added_with_lowest_precedence(bool[] lowest, int expected)
    {
        var sim = new RunEngineSimulator();
        for (var id = 0; id < lowest.Length; id++)
        {
            var value = id;
            sim.AddHandler(MessageHandler.For(["read"], _ => value), lowest[id]);
        }

        sim.SimulatePlan(Respond(new Msg("read", new SynSignal("det_a"))));

        Assert.Equal(expected, sim.ReturnValue);
    }

    [Fact]
    public void Handler_is_called_with_the_message()
    {
        var seen = new List<Msg>();
        var sim = new RunEngineSimulator();
        sim.AddHandler("sleep", msg => seen.Add(msg));

        var messages = sim.SimulatePlan(Stubs.Sleep(60));

        Assert.Equal(messages, seen);
        Assert.Equal("sleep", Assert.Single(seen).Command);
    }

    [Fact]
    public void Handler_can_be_restricted_by_a_filter()
    {
        var sim = new RunEngineSimulator();
        sim.AddHandler(["set"], _ => "big", msg => msg.Args[0] is double d && d > 10);

        sim.SimulatePlan(Respond(new Msg("set", new SynAxis("x"), 20.0)));
        Assert.Equal("big", sim.ReturnValue);
        sim.SimulatePlan(Respond(new Msg("set", new SynAxis("x"), 2.0)));
        Assert.Equal("null", sim.ReturnValue);
    }

    [Fact]
    public void Handler_exception_is_thrown_into_the_plan()
    {
        var motor = new SynAxis("motor");
        var sim = new RunEngineSimulator();
        sim.AddHandler("set", Fail(new InvalidOperationException("motor is in a fault state")), "motor");

        var messages = sim.SimulatePlan(MoveOrRecover(motor));

        Assert.Equal("recovered from: motor is in a fault state", sim.ReturnValue);
        messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "set");
        AssertMessageAndReturnRemaining(messages, m => m.Command == "stop" && m.Obj == motor);
    }

    [Fact]
    public void An_exception_the_plan_does_not_handle_propagates_out_of_SimulatePlan_unchanged()
    {
        var error = new TimeoutException("no reply from the robot");
        var sim = new RunEngineSimulator();
        sim.AddHandler("wait", Fail(error));

        var thrown = Assert.Throws<TimeoutException>(() => sim.SimulatePlan(Stubs.Wait("load")));

        Assert.Same(error, thrown);
        Assert.Null(sim.ReturnValue);
    }

    [Fact]
    public void A_plan_that_fails_by_itself_propagates_its_exception_unchanged()
    {
        var sim = new RunEngineSimulator();

        var thrown = Assert.Throws<ArgumentException>(() => sim.SimulatePlan(FailAfterOneMessage()));

        Assert.Equal("bad parameters", thrown.Message);
    }

    [Fact]
    public void Wait_handler_simulates_what_finishing_the_group_changes()
    {
        var abDet = new SynGauss("ab_det");
        var a = new SynSignal("det_a");
        var sim = new RunEngineSimulator();
        sim.AddReadHandlerFor(a, 0);
        sim.AddWaitHandler(_ => sim.AddReadHandlerFor(a, 5));

        var messages = sim.SimulatePlan(TriggerAndReturnPosition(abDet, a));

        Assert.Equal(5, sim.ReturnValue);
        messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "read" && m.Obj == a);
        messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "trigger" && m.Obj == abDet);
        messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "wait");
        AssertMessageAndReturnRemaining(messages, m => m.Command == "read" && m.Obj == a);
    }

    [Fact]
    public void Wait_handler_for_a_group_ignores_waits_on_other_groups()
    {
        var calls = new List<object?>();
        var sim = new RunEngineSimulator();
        sim.AddWaitHandler(msg => calls.Add(msg.Kwargs["group"]), "robot_load");

        sim.SimulatePlan(WaitOn("zebra_arm", "robot_load", "zebra_disarm"));

        Assert.Equal(["robot_load"], calls);
    }

    [Fact]
    public void Subscribed_callbacks_are_recorded_and_fire_callback_calls_them()
    {
        var det = new SynGauss("det");
        var received = new List<(DocumentName Name, Document Doc)>();
        var start = new RunStart { Uid = "run-1", Time = 1, Metadata = { ["plan_name"] = "count" } };
        var descriptor = new EventDescriptor { Uid = "descriptor-1", Time = 1, RunStartUid = "run-1", Name = "primary" };
        var ev = new Event
        {
            Uid = "event-1",
            Time = 1,
            Descriptor = "descriptor-1",
            SeqNum = 1,
            Data = new(StringComparer.Ordinal),
            Timestamps = new(StringComparer.Ordinal),
        };
        var sim = new RunEngineSimulator();
        sim.AddCallbackHandlerFor("open_run", DocumentName.Start, start, msg => Equals(msg.Kwargs["plan_name"], "count"));
        sim.AddCallbackHandlerForMultiple("save", [[(DocumentName.Descriptor, descriptor), (DocumentName.Event, ev)]]);

        sim.SimulatePlan(SubscribeThenCount((name, doc) => received.Add((name, doc)), det));

        Assert.Equal([(DocumentName.Start, (Document)start), (DocumentName.Descriptor, descriptor), (DocumentName.Event, ev)], received);
    }

    [Fact]
    public void Fire_callback_reaches_only_callbacks_subscribed_to_that_document_kind_or_to_all()
    {
        var stops = new List<Document>();
        var all = new List<Document>();
        var stop = new RunStop { Uid = "stop-1", Time = 2, RunStartUid = "run-1", ExitStatus = "success" };
        var start = new RunStart { Uid = "run-1", Time = 1 };
        var sim = new RunEngineSimulator();
        sim.SimulatePlan(Subscribe((_, d) => stops.Add(d), DocumentName.Stop, (_, d) => all.Add(d)));

        sim.FireCallback(DocumentName.Start, start);
        sim.FireCallback(DocumentName.Stop, stop);

        Assert.Equal([stop], stops);
        Assert.Equal([start, stop], all);
    }

    [Fact]
    public void Unsubscribed_callbacks_are_no_longer_fired()
    {
        var calls = 0;
        var sim = new RunEngineSimulator();

        sim.SimulatePlan(SubscribeThenUnsubscribe((_, _) => calls++));
        sim.FireCallback(DocumentName.Start, new RunStart { Uid = "run-1", Time = 1 });

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Callback_handler_that_has_fired_all_its_batches_throws_into_the_plan()
    {
        var sim = new RunEngineSimulator();
        sim.AddCallbackHandlerForMultiple("save", [[(DocumentName.Start, new RunStart { Uid = "run-1", Time = 1 })]]);

        var error = Assert.Throws<InvalidOperationException>(() => sim.SimulatePlan(Plan.From(new Msg("save"), new Msg("save"))));

        Assert.Contains("all 1 of its document batches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_that_never_ends_under_the_simulator_is_stopped_with_an_explanation()
    {
        var sim = new RunEngineSimulator { MaxMessages = 100 };

        var error = Assert.Throws<InvalidOperationException>(() => sim.SimulatePlan(WaitUntilRead(new SynSignal("robot_state"), "loaded")));

        Assert.Contains("more than 100 messages", error.Message, StringComparison.Ordinal);
        Assert.Contains("'read', obj=robot_state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_plan_is_simulated_message_by_message()
    {
        var det = new SynGauss("det");
        var sim = new RunEngineSimulator();

        var messages = sim.SimulatePlan(Bp.Count([det], 3));

        messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "stage" && m.Obj == det);
        messages = AssertMessageAndReturnRemaining(
            messages,
            m => m.Command == "open_run" && Equals(m.Kwargs["plan_name"], "count") && Equals(m.Kwargs["num_points"], 3));
        for (var i = 0; i < 3; i++)
        {
            messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "checkpoint");
            messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "trigger" && m.Obj == det);
            var triggerGroup = messages[0].Kwargs["group"];
            messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "wait", group: triggerGroup);
            messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "create");
            messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "read" && m.Obj == det);
            messages = AssertMessageAndReturnRemaining(messages, m => m.Command == "save");
        }

        Assert.Equal("close_run", messages[1].Command);
    }

    private static Func<Msg, object?> Fail(Exception error) => _ => throw error;

    private static async Plan<object?> Respond(Msg msg) => await msg ?? "null";

    private static async Plan<string> MoveOrRecover(SynAxis motor)
    {
        try
        {
            await Stubs.Mv(motor, 3.0);
            return "moved";
        }
        catch (InvalidOperationException ex)
        {
            await Stubs.Stop(motor);
            return "recovered from: " + ex.Message;
        }
    }

    private static async Plan FailAfterOneMessage()
    {
        await Stubs.Null();
        throw new ArgumentException("bad parameters");
    }

    private static async Plan<object?> TriggerAndReturnPosition(SynGauss det, SynSignal a)
    {
        var before = await Stubs.Rd(a);
        Assert.Equal(0, before);
        await Stubs.Trigger(det, wait: true);
        return await Stubs.Rd(a);
    }

    private static async Plan WaitOn(params string[] groups)
    {
        foreach (var group in groups)
        {
            await Stubs.Wait(group);
        }
    }

    private static async Plan SubscribeThenCount(DocumentCallback callback, SynGauss det)
    {
        await Stubs.Subscribe(callback);
        await Bp.Count([det], 1);
    }

    private static async Plan Subscribe(DocumentCallback one, DocumentName name, DocumentCallback all)
    {
        await Stubs.Subscribe(one, name);
        await Stubs.Subscribe(all);
    }

    private static async Plan SubscribeThenUnsubscribe(DocumentCallback callback)
    {
        var token = await Stubs.Subscribe(callback);
        await Stubs.Unsubscribe(token!.Value);
    }

    private static async Plan WaitUntilRead(SynSignal signal, object expected)
    {
        while (!Equals(await Stubs.Rd(signal), expected))
        {
        }
    }
}
