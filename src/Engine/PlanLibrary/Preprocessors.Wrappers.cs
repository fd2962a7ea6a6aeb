using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Suspenders;
using C = Hyperion.Engine.Messages.Commands;

namespace Hyperion.Engine.PlanLibrary;

/// <summary>
/// The wrappers of bluesky's preprocessors module that plans are assembled from: enclosing a plan in a run,
/// staging, baseline readings, monitors, flyers, resetting motors, run keys, metadata, subscriptions and
/// suspenders. Each emits exactly bluesky's messages in bluesky's order.
/// </summary>
public static partial class Preprocessors
{
    /// <summary>
    /// Encloses <paramref name="plan"/> in 'open_run' and 'close_run' (bluesky's <c>run_wrapper</c>). The run
    /// closes with exit status "success" when the plan finishes; "abort" on <see cref="RequestAbort"/> and
    /// "success" on <see cref="RequestStop"/>; otherwise "fail" with the exception's message as the reason, and
    /// the exception goes on up. Returns the run's uid.
    /// </summary>
    public static Plan<string?> RunWrapper(Plan plan, IReadOnlyDictionary<string, object?>? md = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return RunWrapperCore(plan, md);
    }

    /// <summary>
    /// Stages <paramref name="devices"/> (their root devices, each once) before <paramref name="plan"/> and
    /// unstages them in reverse order after it, however it ends (bluesky's <c>stage_wrapper</c>). Returns the
    /// plan's value.
    /// </summary>
    public static Plan<T> StageWrapper<T>(Plan<T> plan, IEnumerable<object> devices)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(devices);
        var roots = Stubs.SeparateDevices(devices.Select(RootAncestor).ToList());
        return Finalize(StageThen(roots, plan), () => Stubs.UnstageAll(roots.Reverse()));
    }

    /// <summary>Stages devices around a plan of any return type (see <see cref="StageWrapper{T}"/>).</summary>
    public static Plan<object?> StageWrapper(Plan plan, IEnumerable<object> devices)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return StageWrapper(AsObjectPlan(plan), devices);
    }

    /// <summary>
    /// Stages each device the first time the plan reads, sets, triggers or kicks it off (its root device, just
    /// before that message), and unstages all of them in reverse order at the end (bluesky's
    /// <c>lazily_stage_wrapper</c>).
    /// </summary>
    public static Plan<object?> LazilyStage(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var staged = new List<object>();
        var stagedSet = new HashSet<object>(ReferenceEqualityComparer.Instance);

        async Plan StageFirst(object root, Msg msg)
        {
            var result = await new Msg(C.Stage, root);

            // A device may report what it staged; otherwise (a status, a simulator's null, or the [] of a device that
            // cannot be staged) the root counts as staged, so it is staged once and unstaged at the end.
            var stagedNow = result is IEnumerable<object> devices and not Statuses.Status ? devices.ToList() : [];
            foreach (var device in stagedNow.Count > 0 ? stagedNow : [root])
            {
                if (stagedSet.Add(device))
                {
                    staged.Add(device);
                }
            }

            stagedSet.Add(root);
            await msg;
        }

        (Plan? Head, Plan? Tail) Insert(Msg msg)
        {
            if (msg.Command is C.Read or C.Set or C.Trigger or C.Kickoff && msg.Obj is { } obj
                && !stagedSet.Contains(obj) && !stagedSet.Contains(RootAncestor(obj)))
            {
                return (StageFirst(RootAncestor(obj), msg), null);
            }

            return (null, null);
        }

        return Finalize(PlanMutator(plan, Insert), () => Stubs.UnstageAll(Enumerable.Reverse(staged).ToList()));
    }

    /// <summary>
    /// Reads <paramref name="devices"/> into their own stream right after each run opens and again just before it
    /// closes (bluesky's <c>baseline_wrapper</c>). The first reading is preceded by a 'declare_stream'; readings go
    /// to the run the 'open_run' or 'close_run' names. With no devices the plan is unchanged.
    /// </summary>
    public static Plan<object?> Baseline(Plan plan, IReadOnlyList<IReadable> devices, string name = "baseline")
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (devices.Count == 0)
        {
            return AsObjectPlan(plan);
        }

        var readables = devices.ToList();

        async Plan Head()
        {
            await Stubs.DeclareStream(readables, name);
            await Stubs.TriggerAndRead(readables, name);
        }

        async Plan<object?> ReadThenClose(Msg close)
        {
            Plan read = Stubs.TriggerAndRead(readables, name);
            await (close.Run is null ? read : SetRunKey(read, close.Run));
            return await close;
        }

        (Plan? Head, Plan? Tail) Insert(Msg msg) => msg.Command switch
        {
            C.OpenRun => (null, msg.Run is null ? Head() : SetRunKey(Head(), msg.Run)),
            C.CloseRun => (ReadThenClose(msg), null),
            _ => (null, null),
        };

        return PlanMutator(plan, Insert);
    }

    /// <summary>
    /// Monitors <paramref name="signals"/> during each run (bluesky's <c>monitor_during_wrapper</c>): 'monitor'
    /// (into stream "&lt;name&gt;_monitor") right after 'open_run', 'unmonitor' right before 'close_run'.
    /// </summary>
    public static Plan<object?> MonitorDuring(Plan plan, IReadOnlyList<ISubscribable> signals)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(signals);
        var watched = signals.ToList();

        (Plan? Head, Plan? Tail) AfterOpen(Msg msg) => msg.Command == C.OpenRun
            ? (Plan.From(msg), Plan.From([.. watched.Select(s => new Msg(C.Monitor, s, [], Stubs.Kw(("name", s.Name + "_monitor"))))]))
            : (null, null);

        (Plan? Head, Plan? Tail) BeforeClose(Msg msg) => msg.Command == C.CloseRun
            ? (Plan.From([.. watched.Select(s => new Msg(C.Unmonitor, s)), msg]), null)
            : (null, null);

        return PlanMutator(PlanMutator(plan, AfterOpen), BeforeClose);
    }

    /// <summary>
    /// Flies <paramref name="flyers"/> during each run (bluesky's <c>fly_during_wrapper</c>): kicks them off (and
    /// waits) right after 'open_run'; before 'close_run' completes them (and waits) and collects each.
    /// </summary>
    public static Plan<object?> FlyDuring(Plan plan, IReadOnlyList<IFlyable> flyers)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(flyers);
        var flying = flyers.ToList();
        var kickoffGroup = Stubs.ShortUid("flyers-kickoff");
        var completeGroup = Stubs.ShortUid("flyers-complete");

        IEnumerable<Msg> GroupThenWait(string command, string group)
        {
            foreach (var flyer in flying)
            {
                yield return new Msg(command, flyer, [], Stubs.Kw(("group", group)));
            }

            if (flying.Count > 0)
            {
                yield return new Msg(C.Wait, null, [], Stubs.Kw(("group", group)));
            }
        }

        (Plan? Head, Plan? Tail) AfterOpen(Msg msg) => msg.Command == C.OpenRun
            ? (Plan.From(msg), Plan.From([.. GroupThenWait(C.Kickoff, kickoffGroup)]))
            : (null, null);

        (Plan? Head, Plan? Tail) BeforeClose(Msg msg) => msg.Command == C.CloseRun
            ? (Plan.From([.. GroupThenWait(C.Complete, completeGroup), .. flying.Select(f => new Msg(C.Collect, f)), msg]), null)
            : (null, null);

        return PlanMutator(PlanMutator(plan, AfterOpen), BeforeClose);
    }

    /// <summary>
    /// Returns movables to where they started (bluesky's <c>reset_positions_wrapper</c>): before the first 'set'
    /// of each device (of <paramref name="devices"/>, or any when null) reads its position; at the end, however the
    /// plan ends, sets each back, in the order first moved, and waits.
    /// </summary>
    public static Plan<object?> ResetPositions(Plan plan, IEnumerable<object>? devices = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var eligible = devices?.ToHashSet(ReferenceEqualityComparer.Instance);
        var initial = new Dictionary<object, double>(ReferenceEqualityComparer.Instance);
        var order = new List<object>();

        async Plan Stash(object obj)
        {
            await ReadAndStashPosition(obj, initial);
            order.Add(obj);
        }

        (Plan? Head, Plan? Tail) InsertReads(Msg msg)
        {
            if (msg.Command == C.Set && msg.Obj is { } obj && (eligible is null || eligible.Contains(obj)) && !initial.ContainsKey(obj))
            {
                return (Pchain(Stash(obj), Plan.From(msg)), null);
            }

            return (null, null);
        }

        async Plan Reset()
        {
            var group = Stubs.ShortUid("reset");
            foreach (var obj in order)
            {
                await new Msg(C.Set, obj, [initial[obj]], Stubs.Kw(("group", group)));
            }

            await new Msg(C.Wait, null, [], Stubs.Kw(("group", group)));
        }

        return Finalize(PlanMutator(plan, InsertReads), Reset);
    }

    /// <summary>
    /// Routes every message of <paramref name="plan"/> that has no run key to run <paramref name="run"/>
    /// (bluesky's <c>set_run_key_wrapper</c>); messages that already name a run keep it.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> is null: null is the default run, not a key.</exception>
    public static Plan<object?> SetRunKey(Plan plan, object run)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(run);
        return MsgMutator(plan, msg => msg.Run is null ? msg with { Run = run } : msg);
    }

    /// <summary>
    /// Adds <paramref name="md"/> to every 'open_run' (bluesky's <c>inject_md_wrapper</c>); on a clash the
    /// injected value wins over the plan's own.
    /// </summary>
    public static Plan<object?> InjectMetadata(Plan plan, IReadOnlyDictionary<string, object?> md)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(md);
        var injected = md.ToList();
        return MsgMutator(plan, msg =>
        {
            if (msg.Command != C.OpenRun)
            {
                return msg;
            }

            var kwargs = new Dictionary<string, object?>(msg.Kwargs, StringComparer.Ordinal);
            foreach (var (key, value) in injected)
            {
                kwargs[key] = value;
            }

            return msg with { Kwargs = kwargs };
        });
    }

    /// <summary>
    /// Subscribes <paramref name="callbacks"/> to every document before the plan, and unsubscribes them after it
    /// however it ends (bluesky's <c>subs_wrapper</c>).
    /// </summary>
    public static Plan<object?> Subs(Plan plan, IEnumerable<DocumentCallback> callbacks)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        return Subs(plan, callbacks.Select(c => ((DocumentName?)null, c)));
    }

    /// <summary>
    /// Subscribes each callback to its kind of document (null: all) before the plan, and unsubscribes them after
    /// it however it ends (bluesky's <c>subs_wrapper</c>).
    /// </summary>
    public static Plan<object?> Subs(Plan plan, IEnumerable<(DocumentName? Name, DocumentCallback Callback)> callbacks)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(callbacks);
        var subscriptions = callbacks.ToList();

        // bluesky keeps the tokens in a set: under a simulator every token is null, and one 'unsubscribe' follows.
        var tokens = new List<int?>();

        async Plan<object?> SubscribeThen()
        {
            foreach (var (name, callback) in subscriptions)
            {
                var token = await Stubs.Subscribe(callback, name);
                if (!tokens.Contains(token))
                {
                    tokens.Add(token);
                }
            }

            await plan;
            return plan.ReturnValue;
        }

        async Plan UnsubscribeAll()
        {
            foreach (var token in tokens)
            {
                await new Msg(C.Unsubscribe, null, [], Stubs.Kw(("token", token)));
            }
        }

        return Finalize(SubscribeThen(), UnsubscribeAll);
    }

    /// <summary>
    /// Installs <paramref name="suspenders"/> before the plan and removes them after it however it ends
    /// (bluesky's <c>suspend_wrapper</c>).
    /// </summary>
    public static Plan<object?> Suspend(Plan plan, IEnumerable<ISuspender> suspenders)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(suspenders);
        var installed = suspenders.ToList();

        async Plan<object?> InstallThen()
        {
            foreach (var suspender in installed)
            {
                await Stubs.InstallSuspender(suspender);
            }

            await plan;
            return plan.ReturnValue;
        }

        async Plan RemoveAll()
        {
            foreach (var suspender in installed)
            {
                await Stubs.RemoveSuspender(suspender);
            }
        }

        return Finalize(InstallThen(), RemoveAll);
    }

    /// <summary>
    /// Lets a whole plan be used as a stub inside another run (bluesky's <c>stub_wrapper</c>): drops its
    /// 'open_run', 'close_run', 'stage' and 'unstage' messages and returns the metadata its 'open_run' carried.
    /// </summary>
    public static Plan<IReadOnlyDictionary<string, object?>> StubWrapper(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return StubWrapperCore(plan);
    }

    /// <summary>The root of <paramref name="device"/>'s device tree (bluesky's <c>root_ancestor</c>).</summary>
    public static object RootAncestor(object device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        while (device is IHasParent { Parent: { } parent } && seen.Add(device))
        {
            device = parent;
        }

        return device;
    }

    private static async Plan<string?> RunWrapperCore(Plan plan, IReadOnlyDictionary<string, object?>? md)
    {
        var uid = await Stubs.OpenRun(md);
        await Contingency(plan, exceptPlan: CloseRunAfter, elsePlan: () => Stubs.CloseRun());
        return uid;
    }

    // bluesky closes with the control exception's exit_status: "abort" for RequestAbort, "success" for RequestStop.
    private static Plan CloseRunAfter(Exception error) => error switch
    {
        RequestStop => Stubs.CloseRun(exitStatus: "success"),
        RunEngineControlException => Stubs.CloseRun(exitStatus: "abort"),
        _ => Stubs.CloseRun(exitStatus: "fail", reason: error.Message),
    };

    private static async Plan<T> StageThen<T>(IReadOnlyList<object> devices, Plan<T> plan)
    {
        await Stubs.StageAll(devices);
        return await plan;
    }

    private static async Plan<IReadOnlyDictionary<string, object?>> StubWrapperCore(Plan plan)
    {
        var md = new Dictionary<string, object?>(StringComparer.Ordinal);
        await MsgMutator(plan, msg =>
        {
            switch (msg.Command)
            {
                case C.OpenRun:
                    foreach (var (key, value) in msg.Kwargs)
                    {
                        md[key] = value;
                    }

                    return null;
                case C.CloseRun or C.Stage or C.Unstage:
                    return null;
                default:
                    return msg;
            }
        });
        return md;
    }
}
