using Hyperion.Engine.Callbacks;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Simulation;
using Hyperion.Engine.Suspenders;
using static Hyperion.Engine.Tests.PlanLibrary.PlanTestKit;
using Bp = Hyperion.Engine.PlanLibrary.Plans;

namespace Hyperion.Engine.Tests.PlanLibrary;

public class PreprocessorWrapperTests
{
    private static Dictionary<string, object?> Kw(params (string Key, object? Value)[] pairs) => Md(pairs);

    private static async Plan Raising(string message)
    {
        await new Msg("null");
        throw new InvalidOperationException(message);
    }

    /// <summary>Drives a plan with null responses, throwing <paramref name="error"/> in instead of answering message <paramref name="throwAt"/>.</summary>
    private static (List<Msg> Messages, Exception? Error) DriveAndThrow(Plan plan, int throwAt, Exception error)
    {
        var messages = new List<Msg>();
        try
        {
            var msg = plan.Send();
            while (msg is not null)
            {
                messages.Add(msg);
                msg = messages.Count == throwAt ? plan.Throw(error) : plan.Send();
            }

            return (messages, null);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return (messages, ex);
        }
    }

    // ---- run_wrapper -------------------------------------------------------------------------------------

    [Fact]
    public void Run_wrapper_encloses_the_plan_in_open_and_close_run()
    {
        var messages = Preprocessors.RunWrapper(Plan.From(new Msg("null")), Md(("a", 1))).ToMessageList();
        Assert.Equal(
            [new Msg("open_run", null, [], Kw(("a", 1))), new Msg("null"), new Msg("close_run")],
            messages);
    }

    [Fact]
    public void Run_wrapper_returns_the_run_uid_from_open_run()
    {
        var plan = Preprocessors.RunWrapper(Plan.From(new Msg("null")));
        Assert.Equal("open_run", plan.Send()!.Command);
        Assert.Equal("null", plan.Send("uid-1")!.Command);
        Assert.Equal("close_run", plan.Send()!.Command);
        Assert.Null(plan.Send("uid-1"));
        Assert.Equal("uid-1", plan.Result);
    }

    [Fact]
    public void Run_wrapper_closes_with_fail_and_the_exception_message_when_the_plan_raises()
    {
        var (messages, error) = DriveAndThrow(Preprocessors.RunWrapper(Raising("boom")), int.MaxValue, new InvalidOperationException());
        Assert.Equal(
            [new Msg("open_run", null, [], Kw()), new Msg("null"), new Msg("close_run", null, [], Kw(("exit_status", "fail"), ("reason", "boom")))],
            messages);
        Assert.Equal("boom", Assert.IsType<InvalidOperationException>(error).Message);
    }

    [Fact]
    public async Task Run_wrapper_failure_reaches_the_RunStop_document()
    {
        var record = await RunAsync(Preprocessors.RunWrapper(Raising("motor stalled")));
        Assert.IsType<InvalidOperationException>(record.Error);
        Assert.Equal("fail", record.Stop.ExitStatus);
        Assert.Equal("motor stalled", record.Stop.Reason);
    }

    [Fact]
    public void Run_wrapper_closes_with_exit_status_abort_on_RequestAbort()
    {
        var plan = Preprocessors.RunWrapper(Plan.From(new Msg("checkpoint"), new Msg("null")));
        var (messages, error) = DriveAndThrow(plan, 2, new RequestAbort("operator"));
        Assert.Equal(new Msg("close_run", null, [], Kw(("exit_status", "abort"))), messages[^1]);
        Assert.Equal(3, messages.Count);
        Assert.IsType<RequestAbort>(error);
    }

    [Fact]
    public void Run_wrapper_closes_with_exit_status_success_on_RequestStop()
    {
        var plan = Preprocessors.RunWrapper(Plan.From(new Msg("checkpoint"), new Msg("null")));
        var (messages, error) = DriveAndThrow(plan, 2, new RequestStop());
        Assert.Equal(new Msg("close_run", null, [], Kw(("exit_status", "success"))), messages[^1]);
        Assert.IsType<RequestStop>(error);
    }

    [Fact]
    public async Task Run_wrapper_run_aborted_by_the_RunEngine_stops_with_abort()
    {
        using var engine = new RunEngine();
        var docs = new List<Document>();
        var plan = Preprocessors.RunWrapper(Plan.From(new Msg("checkpoint"), new Msg("pause", null, [], Kw(("defer", false))), new Msg("null")));
        await Assert.ThrowsAsync<RunEngineInterrupted>(() => engine.RunAsync(plan, [(_, d) => docs.Add(d)]));
        await engine.AbortAsync("operator");
        var stop = Assert.Single(docs.OfType<RunStop>());
        Assert.Equal("abort", stop.ExitStatus);
    }

    [Fact]
    public void Run_wrapper_does_not_close_the_run_when_the_plan_is_closed()
    {
        var plan = Preprocessors.RunWrapper(Plan.From(new Msg("null"), new Msg("null")));
        Assert.Equal("open_run", plan.Send()!.Command);
        Assert.Equal("null", plan.Send()!.Command);
        plan.Close();
        Assert.True(plan.IsCompleted);
    }

    // ---- stage_wrapper / lazily_stage_wrapper --------------------------------------------------------------

    [Fact]
    public void Stage_wrapper_stages_before_and_unstages_in_reverse_after()
    {
        var det = new SynGauss("det");
        var motor = new SynAxis("motor");
        var messages = Preprocessors.StageWrapper(Plan.From(new Msg("null")), [det, motor]).ToMessageList();
        Assert.Equal(
            [new Msg("stage", det), new Msg("stage", motor), new Msg("null"), new Msg("unstage", motor), new Msg("unstage", det)],
            messages.WithoutGroups());
    }

    [Fact]
    public void Stage_wrapper_stages_the_root_device_once_for_a_device_and_its_child()
    {
        var parent = new SynAxis("stage");
        var child = new SynAxis("stage_x", parent: parent);
        var messages = Preprocessors.StageWrapper(Plan.From(new Msg("null")), [child, parent]).ToMessageList();
        Assert.Equal([new Msg("stage", parent), new Msg("null"), new Msg("unstage", parent)], messages.WithoutGroups());
    }

    [Fact]
    public async Task Stage_wrapper_waits_for_stage_statuses_and_unstages_after_a_failure()
    {
        var det = new SynGauss("det");
        var record = await RunAsync(Preprocessors.StageWrapper(Raising("oops"), [det]));
        Assert.IsType<InvalidOperationException>(record.Error);
        Assert.Equal(["stage", "wait", "null", "unstage", "wait"], record.Messages.Commands());
        Assert.Equal(1, det.StageCount);
        Assert.Equal(1, det.UnstageCount);
    }

    [Fact]
    public void Lazily_stage_stages_each_device_before_first_use_and_unstages_in_reverse()
    {
        // bluesky's test_lazily_stage.
        var det1 = new SynGauss("det1");
        var det2 = new SynGauss("det2");
        var messages = Preprocessors.LazilyStage(Plan.From(new Msg("read", det1), new Msg("read", det1), new Msg("read", det2))).ToMessageList();
        Assert.Equal(
            [("stage", det1), ("read", det1), ("read", det1), ("stage", det2), ("read", det2), ("unstage", det2), ("unstage", det1)],
            messages.Select(m => (m.Command, (SynGauss)m.Obj!)));
        var unstageGroups = messages.Where(m => m.Command == "unstage").Select(m => m.Kwargs["group"]).Distinct();
        Assert.Single(unstageGroups);
    }

    // ---- baseline_wrapper -----------------------------------------------------------------------------------

    [Fact]
    public void Baseline_reads_after_open_run_and_before_close_run()
    {
        var det = new SynGauss("det");
        var open = new Msg("open_run");
        var close = new Msg("close_run");
        var messages = Preprocessors.Baseline(Plan.From(open, new Msg("null"), close), [det]).ToMessageList();
        Msg[] reading =
        [
            new Msg("trigger", det), new Msg("wait"), new Msg("create", null, [], Kw(("name", "baseline"))),
            new Msg("read", det), new Msg("save"),
        ];
        Assert.Equal(
            [
                open,
                new Msg("declare_stream", null, [det], Kw(("name", "baseline"), ("collect", false))),
                .. reading,
                new Msg("null"),
                .. reading,
                close,
            ],
            messages.WithoutGroups());
    }

    [Fact]
    public void Baseline_routes_its_readings_to_the_run_named_by_open_and_close_run()
    {
        var det = new SynGauss("det");
        var plan = Plan.From(new Msg("open_run") with { Run = "r1" }, new Msg("close_run") with { Run = "r1" });
        var messages = Preprocessors.Baseline(plan, [det]).ToMessageList();
        Assert.Equal(13, messages.Count);
        Assert.All(messages, m => Assert.Equal("r1", m.Run));
    }

    [Fact]
    public void Baseline_with_no_devices_leaves_the_plan_unchanged()
    {
        var messages = Preprocessors.Baseline(Plan.From(new Msg("open_run"), new Msg("close_run")), []).ToMessageList();
        Assert.Equal(["open_run", "close_run"], messages.Commands());
    }

    private sealed class DescribeFails(string name) : IReadable
    {
        public string Name => name;

        public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default) =>
            new(new Dictionary<string, Reading> { [name] = new(5, 0) });

        public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) =>
            throw new InvalidDataException("Look, an aardvark!");
    }

    [Fact]
    public async Task Baseline_is_read_at_both_ends_even_when_the_plan_fails()
    {
        // bluesky's test_describe_failure: a detector whose describe fails ends the count, not the baseline.
        var good = new SynSignal("baseline_sig", 42.0);
        var record = await RunAsync(Preprocessors.Baseline(Bp.Count([new DescribeFails("Arty")]), [good]));
        Assert.Equal("Look, an aardvark!", Assert.IsType<InvalidDataException>(record.Error).Message);
        Assert.Equal(2, record.Events("baseline").Count);
        Assert.Equal(["baseline"], record.Documents.Select(d => d.Doc).OfType<EventDescriptor>().Select(d => d.Name));
        Assert.Equal("fail", record.Stop.ExitStatus);
    }

    // ---- monitor_during_wrapper / fly_during_wrapper -----------------------------------------------------------

    private static Plan TwoRuns() => Plan.From(
        new Msg("open_run"), new Msg("null"), new Msg("close_run"), new Msg("open_run"), new Msg("null"), new Msg("close_run"));

    [Fact]
    public void Monitor_during_monitors_after_open_run_and_unmonitors_before_close_run()
    {
        // bluesky's test_monitor_during_wrapper.
        var sig = new SynSignal("sig");
        var messages = Preprocessors.MonitorDuring(TwoRuns(), [sig]).ToMessageList();
        Msg[] oneRun =
        [
            new Msg("open_run"), new Msg("monitor", sig, [], Kw(("name", "sig_monitor"))), new Msg("null"),
            new Msg("unmonitor", sig), new Msg("close_run"),
        ];
        Assert.Equal([.. oneRun, .. oneRun], messages.WithoutGroups());
    }

    [Fact]
    public async Task Monitor_during_records_the_signal_in_its_own_stream()
    {
        var sig = new SynSignal("sig", 1.5);
        var record = await RunAsync(Preprocessors.MonitorDuring(Bp.Count([new SynGauss("det")], 2), [sig]));
        Assert.Null(record.Error);
        Assert.Equal([1.5], record.Column("sig", "sig_monitor"));
        Assert.Equal(2, record.Events().Count);
    }

    [Fact]
    public void Fly_during_kicks_off_after_open_run_and_completes_and_collects_before_close_run()
    {
        // bluesky's test_fly_during.
        var flyer = new SynFlyer("foo");
        var messages = Preprocessors.FlyDuring(TwoRuns(), [flyer]).ToMessageList();
        Msg[] oneRun =
        [
            new Msg("open_run"), new Msg("kickoff", flyer), new Msg("wait"), new Msg("null"),
            new Msg("complete", flyer), new Msg("wait"), new Msg("collect", flyer), new Msg("close_run"),
        ];
        Assert.Equal([.. oneRun, .. oneRun], messages.WithoutGroups());
        Assert.Equal(messages[1].Kwargs["group"], messages[2].Kwargs["group"]);
        Assert.NotEqual(messages[1].Kwargs["group"], messages[4].Kwargs["group"]);
    }

    [Fact]
    public void Fly_during_with_no_flyers_inserts_no_waits()
    {
        var messages = Preprocessors.FlyDuring(Plan.From(new Msg("open_run"), new Msg("close_run")), []).ToMessageList();
        Assert.Equal(["open_run", "close_run"], messages.Commands());
    }

    [Fact]
    public async Task Fly_during_collects_the_flyers_data_into_the_run()
    {
        // A flyer whose describe_collect is singly nested must have its stream declared first, in bluesky too.
        var flyer = new SynFlyer("flyer", points: 3);
        async Plan DeclareThenRead()
        {
            await Stubs.DeclareStream([flyer], "flyer_stream", collect: true);
            await Stubs.TriggerAndRead([new SynGauss("det")]);
        }

        var record = await RunAsync(Preprocessors.FlyDuring(Preprocessors.RunWrapper(DeclareThenRead()), [flyer]));
        Assert.Null(record.Error);
        Assert.Equal(1, flyer.CollectCount);
        var docs = record.Documents.Select(d => d.Doc).ToList();
        var descriptor = Assert.Single(docs.OfType<EventDescriptor>(), d => d.DataKeys.ContainsKey("flyer-x"));
        var points = docs.OfType<Event>().Count(e => e.Descriptor == descriptor.Uid)
            + docs.OfType<EventPage>().Where(p => p.Descriptor == descriptor.Uid).Sum(p => p.SeqNum.Count);
        Assert.Equal(3, points);
    }

    // ---- reset_positions_wrapper / relative_set_wrapper -------------------------------------------------------

    [Fact]
    public async Task Reset_positions_sets_each_moved_device_back_and_waits()
    {
        // bluesky's test_reset_positions (our motor is Locatable, so its position comes from a 'locate').
        var motor = new SynAxis("motor", 5);
        var record = await RunAsync(Preprocessors.ResetPositions(Plan.From(new Msg("set", motor, 8.0))));
        Assert.Equal(
            [new Msg("locate", motor), new Msg("set", motor, 8.0), new Msg("set", motor, 5.0), new Msg("wait")],
            record.Messages.WithoutGroups());
        Assert.Equal(5, motor.Position);
    }

    [Fact]
    public void Reset_positions_ignores_devices_not_listed()
    {
        var m1 = new SynAxis("m1");
        var m2 = new SynAxis("m2");
        var messages = Preprocessors.ResetPositions(Plan.From(new Msg("set", m1, 1.0), new Msg("set", m2, 2.0)), [m2]).ToMessageList();
        Assert.Equal(
            [new Msg("set", m1, 1.0), new Msg("locate", m2), new Msg("set", m2, 2.0), new Msg("set", m2, 0.0), new Msg("wait")],
            messages.WithoutGroups());
    }

    [Fact]
    public async Task Reset_positions_restores_motors_even_when_the_plan_fails()
    {
        var motor = new SynAxis("motor", 1);
        async Plan MoveThenFail()
        {
            await Stubs.Mv(motor, 3.0);
            throw new InvalidOperationException("detector offline");
        }

        var record = await RunAsync(Preprocessors.ResetPositions(MoveThenFail()));
        Assert.IsType<InvalidOperationException>(record.Error);
        Assert.Equal(1, motor.Position);
    }

    [Fact]
    public async Task Relative_set_offsets_sets_from_the_initial_position()
    {
        // bluesky's test_relative_set.
        var motor = new SynAxis("motor", 5);
        var record = await RunAsync(Preprocessors.RelativeSet(Plan.From(new Msg("set", motor, 8.0))));
        Assert.Equal([new Msg("locate", motor), new Msg("set", motor, 13.0)], record.Messages.WithoutGroups());
    }

    // ---- set_run_key_wrapper / inject_md_wrapper / stub_wrapper ------------------------------------------------

    [Fact]
    public void Set_run_key_tags_messages_without_a_run_key_only()
    {
        var plan = Plan.From(new Msg("open_run"), new Msg("null") with { Run = "other" }, new Msg("close_run"));
        var messages = Preprocessors.SetRunKey(plan, "primary_run").ToMessageList();
        Assert.Equal(["primary_run", "other", "primary_run"], messages.Select(m => m.Run));
    }

    [Fact]
    public void Set_run_key_rejects_a_null_run_key()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Preprocessors.SetRunKey(Plan.From(new Msg("null")), null!));
        Assert.Equal("run", error.ParamName);
    }

    [Fact]
    public void Inject_metadata_adds_to_open_run_and_wins_on_clashes()
    {
        // bluesky's test_md, plus ChainMap(md, msg.kwargs): the injected value takes precedence.
        static Plan OpenRun() => Stubs.OpenRun(Md(("a", 1), ("shared", "plan")));
        Assert.Equal(
            [new Msg("open_run", null, [], Kw(("a", 1), ("shared", "plan"), ("b", 2)))],
            Preprocessors.InjectMetadata(OpenRun(), Md(("b", 2))).ToMessageList());
        var clash = Preprocessors.InjectMetadata(OpenRun(), Md(("shared", "injected"))).ToMessageList();
        Assert.Equal("injected", clash[0].Kwargs["shared"]);
    }

    [Fact]
    public void Stub_wrapper_drops_run_and_staging_messages_and_returns_the_run_metadata()
    {
        var det = new SynGauss("det");
        var plan = Preprocessors.StubWrapper(Bp.Count([det], md: Md(("sample", "lysozyme"))));
        var messages = plan.ToMessageList();
        Assert.DoesNotContain(messages, m => m.Command is "open_run" or "close_run" or "stage" or "unstage");
        // count's repeat and one_shot each yield a checkpoint, as in bluesky.
        Assert.Equal(["checkpoint", "checkpoint", "trigger", "wait", "create", "read", "save"], messages.Commands());
        Assert.Equal("lysozyme", plan.Result["sample"]);
        Assert.Equal("count", plan.Result["plan_name"]);
    }

    // ---- subs_wrapper / suspend_wrapper ---------------------------------------------------------------------

    [Fact]
    public void Subs_subscribes_before_and_unsubscribes_after()
    {
        // bluesky's test_subs: under a simulator the token is null, and one 'unsubscribe' carries it.
        DocumentCallback cb = (_, _) => { };
        var messages = Preprocessors.Subs(Plan.From(new Msg("null", null, "test_arg")), [cb]).ToMessageList();
        Assert.Equal(
            [new Msg("subscribe", null, cb, null), new Msg("null", null, "test_arg"), new Msg("unsubscribe", null, [], Kw(("token", null)))],
            messages);
    }

    [Fact]
    public async Task Subs_callback_sees_the_runs_documents_and_is_removed_afterwards()
    {
        var seen = new List<DocumentName>();
        using var engine = new RunEngine();
        await engine.RunAsync(Preprocessors.Subs(Bp.Count([new SynGauss("det")]), [(DocumentName.Event, (n, _) => seen.Add(n))]));
        Assert.Equal([DocumentName.Event], seen);
        await engine.RunAsync(Bp.Count([new SynGauss("det")]));
        Assert.Single(seen);
    }

    private sealed class IdleSuspender : ISuspender
    {
        public void Install(RunEngine engine)
        {
        }

        public void Remove()
        {
        }

        public (Task? Resume, string? Justification) GetTripState() => (null, null);
    }

    [Fact]
    public void Suspend_installs_before_and_removes_after()
    {
        // bluesky's test_suspend.
        var suspender = new IdleSuspender();
        var messages = Preprocessors.Suspend(Plan.From(new Msg("null")), [suspender]).ToMessageList();
        Assert.Equal(
            [new Msg("install_suspender", null, suspender), new Msg("null"), new Msg("remove_suspender", null, suspender)],
            messages);
    }

    [Fact]
    public async Task Suspend_removes_the_suspender_from_the_RunEngine_after_the_plan()
    {
        var suspender = new IdleSuspender();
        using var engine = new RunEngine();
        var during = new List<int>();
        async Plan Probe()
        {
            await new Msg("null");
            during.Add(engine.Suspenders.Count);
        }

        await engine.RunAsync(Preprocessors.Suspend(Probe(), [suspender]));
        Assert.Equal([1], during);
        Assert.Empty(engine.Suspenders);
    }

    // ---- bluesky's test_preprocessors / test_plans error paths ---------------------------------------------

    [Fact]
    public void Exceptions_pass_through_msg_mutator_into_contingency()
    {
        // bluesky's test_exceptions_through_msg_mutator.
        static IEnumerable<Msg> Outer()
        {
            for (var j = 0; j < 50; j++)
            {
                yield return new Msg($"step {j}");
            }
        }

        var plan = Preprocessors.MsgMutator(
            Preprocessors.Contingency(Plan.From(Outer()), exceptPlan: _ => Plan.From(new Msg("handle it"))),
            msg => msg with { Command = msg.Command + "+" });
        var (messages, error) = DriveAndThrow(plan, 4, new RequestStop());
        Assert.Equal(["step 0+", "step 1+", "step 2+", "step 3+", "handle it+"], messages.Commands());
        Assert.IsType<RequestStop>(error);
    }

    [Fact]
    public void Errors_thrown_into_a_relative_scan_close_the_run_unstage_and_reset_the_motor()
    {
        // bluesky's test_errors_through_msg_mutator, without predeclared streams and with 'locate' reads.
        var motor = new SynAxis("motor");
        var (messages, error) = DriveAndThrow(Bp.RelScan([], motor, 5, -5, 10), 6, new RequestStop());
        Assert.Equal(["stage", "open_run", "checkpoint", "locate", "locate", "set", "close_run", "unstage", "set", "wait"], messages.Commands());
        Assert.IsType<RequestStop>(error);
    }

    // ---- multiple runs, SupplementalData ------------------------------------------------------------------

    [Fact]
    public async Task Baseline_reads_into_each_of_several_runs_open_at_once()
    {
        var det = new SynGauss("det");
        var sig = new SynSignal("ring_current", 300.0);
        async Plan TwoRuns()
        {
            await Stubs.OpenRun(run: "a");
            await Stubs.OpenRun(run: "b");
            await Preprocessors.SetRunKey(Stubs.TriggerAndRead([det]), "a");
            await Stubs.CloseRun(run: "b");
            await Stubs.CloseRun(run: "a");
        }

        var record = await RunAsync(Preprocessors.Baseline(TwoRuns(), [sig]));
        Assert.Null(record.Error);
        var docs = record.Documents.Select(d => d.Doc).ToList();
        var starts = docs.OfType<RunStart>().ToList();
        Assert.Equal(2, starts.Count);
        foreach (var start in starts)
        {
            var baseline = Assert.Single(docs.OfType<EventDescriptor>(), d => d.RunStartUid == start.Uid && d.Name == "baseline");
            Assert.Equal(2, docs.OfType<Event>().Count(e => e.Descriptor == baseline.Uid));
        }

        Assert.Equal([2, 2], docs.OfType<RunStop>().Select(s => s.NumEvents["baseline"]));
    }

    [Fact]
    public void Supplemental_data_brackets_the_plan_with_baseline_monitors_and_flyers()
    {
        var det = new SynGauss("det");
        var sig = new SynSignal("sig");
        var flyer = new SynFlyer("flyer");
        var supplemental = new SupplementalData();
        supplemental.Baseline.Add(det);
        supplemental.Monitors.Add(sig);
        supplemental.Flyers.Add(flyer);
        var messages = supplemental.Apply(Plan.From(new Msg("open_run"), new Msg("null"), new Msg("close_run"))).ToMessageList();
        Assert.Equal(
            [
                "open_run", "declare_stream", "trigger", "wait", "create", "read", "save", "monitor", "kickoff", "wait",
                "null",
                "complete", "wait", "collect", "unmonitor", "trigger", "wait", "create", "read", "save", "close_run",
            ],
            messages.Commands());
        Assert.Equal("SupplementalData(baseline=[det], monitors=[sig], flyers=[flyer])", supplemental.ToString());
    }

    [Fact]
    public async Task Supplemental_data_works_as_a_RunEngine_preprocessor()
    {
        var supplemental = new SupplementalData();
        supplemental.Baseline.Add(new SynSignal("ring_current", 300.0));
        using var engine = new RunEngine(new RunEngineOptions { Preprocessors = [supplemental.Apply] });
        var record = await RunAsync(Bp.Count([new SynGauss("det")], 2), engine);
        Assert.Null(record.Error);
        Assert.Equal([300.0, 300.0], record.Column("ring_current", "baseline"));
        Assert.Equal(2, record.Events().Count);
    }
}
