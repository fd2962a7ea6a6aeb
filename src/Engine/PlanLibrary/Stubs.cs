using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;
using Hyperion.Engine.Suspenders;
using C = Hyperion.Engine.Messages.Commands;

namespace Hyperion.Engine.PlanLibrary;

/// <summary>
/// Plan stubs: the small plans everything else is built from (bluesky's <c>bluesky.plan_stubs</c>, "bps").
/// Each yields one or a few messages and returns the RunEngine's response, typed. Under a simulator that
/// answers null, the typed results are null too. One-message stubs return the <see cref="Msg"/> itself:
/// <c>await</c> it in a plan, or pass it wherever a <see cref="Plan"/> is expected (it converts).
/// </summary>
public static class Stubs
{
    private static long _groupCounter;

    /// <summary>A group name unique in this process, e.g. "trigger-17" (bluesky's <c>short_uid</c>).</summary>
    public static string ShortUid(string label = "") =>
        $"{label}-{Interlocked.Increment(ref _groupCounter)}";

    /// <summary>Opens a run with metadata; returns its uid.</summary>
    public static async Plan<string?> OpenRun(IReadOnlyDictionary<string, object?>? metadata = null, object? run = null) =>
        (string?)await new Msg(C.OpenRun, null, [], metadata ?? new Dictionary<string, object?>(), run);

    /// <summary>Closes the run; returns its uid.</summary>
    public static async Plan<string?> CloseRun(string? exitStatus = null, string? reason = null, object? run = null)
    {
        var kwargs = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (exitStatus is not null)
        {
            kwargs["exit_status"] = exitStatus;
        }

        if (reason is not null)
        {
            kwargs["reason"] = reason;
        }

        return (string?)await new Msg(C.CloseRun, null, [], kwargs, run);
    }

    /// <summary>Declares a stream for <paramref name="objs"/> and emits its descriptor.</summary>
    public static async Plan<EventDescriptor?> DeclareStream(IEnumerable<object> objs, string name = "primary", bool collect = false) =>
        (EventDescriptor?)await new Msg(C.DeclareStream, null, [.. objs], Kw(("name", name), ("collect", collect)));

    /// <summary>Opens an event bundle in stream <paramref name="name"/>.</summary>
    public static Msg Create(string name = "primary") => new Msg(C.Create, null, [], Kw(("name", name)));

    /// <summary>Emits the bundle as an Event.</summary>
    public static Msg Save() => new Msg(C.Save);

    /// <summary>Discards the bundle.</summary>
    public static Msg Drop() => new Msg(C.Drop);

    /// <summary>Reads <paramref name="obj"/> (into the open bundle, if any); returns the reading.</summary>
    public static async Plan<IReadOnlyDictionary<string, Reading>?> Read(IReadable obj) =>
        (IReadOnlyDictionary<string, Reading>?)await new Msg(C.Read, obj);

    /// <summary>Returns the setpoint and readback of <paramref name="obj"/>.</summary>
    public static async Plan<Location?> Locate(ILocatable obj) => await new Msg(C.Locate, obj) as Location?;

    /// <summary>Emits events whenever <paramref name="obj"/> changes, in stream <paramref name="name"/>.</summary>
    public static Msg Monitor(ISubscribable obj, string? name = null) =>
        new(C.Monitor, obj, [], name is null ? Kw() : Kw(("name", name)));

    /// <summary>Stops monitoring <paramref name="obj"/>.</summary>
    public static Msg Unmonitor(ISubscribable obj) => new Msg(C.Unmonitor, obj);

    /// <summary>A no-op message.</summary>
    public static Msg Null() => new Msg(C.Null);

    /// <summary>Sets <paramref name="obj"/> to <paramref name="value"/>; with <paramref name="wait"/>, waits for it.</summary>
    public static async Plan<Status?> AbsSet(IMovable obj, object? value, object? group = null, bool wait = false)
    {
        if (wait && group is null)
        {
            group = ShortUid("set");
        }

        var status = (Status?)await new Msg(C.Set, obj, [value], Kw(("group", group)));
        if (wait)
        {
            await Wait(group);
        }

        return status;
    }

    /// <summary>Sets <paramref name="obj"/> relative to its current position.</summary>
    public static async Plan<Status?> RelSet(IMovable obj, double delta, object? group = null, bool wait = false) =>
        (Status?)await Preprocessors.RelativeSet(AbsSet(obj, delta, group, wait));

    /// <summary>Moves one or more devices (in parallel) and waits for all (bluesky's <c>mv</c>).</summary>
    public static async Plan<IReadOnlyList<Status?>> Mv(params (IMovable Obj, object? Value)[] moves) =>
        await Mv(moves, null, null);

    /// <summary>Moves devices in parallel and waits for all, with a group and timeout.</summary>
    public static async Plan<IReadOnlyList<Status?>> Mv(IReadOnlyList<(IMovable Obj, object? Value)> moves, object? group, double? timeout)
    {
        ArgumentNullException.ThrowIfNull(moves);
        group ??= ShortUid("mv");
        var statuses = new List<Status?>(moves.Count);
        foreach (var (obj, value) in moves)
        {
            statuses.Add((Status?)await new Msg(C.Set, obj, [value], Kw(("group", group))));
        }

        await new Msg(C.Wait, null, [], Kw(("group", group), ("timeout", timeout)));
        return statuses;
    }

    /// <summary>Moves one device and waits.</summary>
    public static Plan<IReadOnlyList<Status?>> Mv(IMovable obj, object? value) => Mv([(obj, value)], null, null);

    /// <summary>Moves devices relative to their positions and waits (bluesky's <c>mvr</c>).</summary>
    public static async Plan<IReadOnlyList<Status?>> Mvr(params (IMovable Obj, double Delta)[] moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        var plan = Mv([.. moves.Select(m => (m.Obj, (object?)m.Delta))], null, null);
        return (IReadOnlyList<Status?>?)await Preprocessors.RelativeSet(plan, moves.Select(m => (object)m.Obj)) ?? [];
    }

    /// <summary>Moves one device relative to its position and waits.</summary>
    public static Plan<IReadOnlyList<Status?>> Mvr(IMovable obj, double delta) => Mvr((obj, delta));

    /// <summary>
    /// Reads the single value of a device (bluesky's <c>rd</c>): the readback of a locatable, else the one
    /// hinted field, else the only field. Returns <paramref name="defaultValue"/> under a simulator.
    /// </summary>
    public static async Plan<object?> Rd(IReadable obj, object? defaultValue = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj is ILocatable locatable)
        {
            var location = await Locate(locatable);
            return location is { } l ? l.Readback : defaultValue;
        }

        var hints = obj is IHasHints hinted ? hinted.Hints.Fields ?? [] : [];
        if (hints.Count > 1)
        {
            throw new InvalidOperationException(
                $"{obj.Name} has {hints.Count} hinted fields ({string.Join(", ", hints)}); rd cannot pick out a single value. Read one of its components instead.");
        }

        var reading = await Read(obj);
        if (reading is null)
        {
            return defaultValue;
        }

        if (hints.Count == 1)
        {
            return reading[hints[0]].Value;
        }

        if (reading.Count != 1)
        {
            throw new InvalidOperationException(
                $"{obj.Name} has {reading.Count} read values and no hints; rd cannot pick out a single value. Read one of its components instead.");
        }

        return reading.Values.First().Value;
    }

    /// <summary>Stops <paramref name="obj"/>.</summary>
    public static Msg Stop(IStoppable obj) => new Msg(C.Stop, obj);

    /// <summary>Triggers <paramref name="obj"/>; with <paramref name="wait"/>, waits for it.</summary>
    public static async Plan<Status?> Trigger(ITriggerable obj, object? group = null, bool wait = false)
    {
        var status = (Status?)await new Msg(C.Trigger, obj, [], Kw(("group", group)));
        if (wait)
        {
            await Wait(group);
        }

        return status;
    }

    /// <summary>Sleeps without blocking the RunEngine.</summary>
    public static Msg Sleep(double seconds) => new Msg(C.Sleep, null, seconds);

    /// <summary>Waits for every status in <paramref name="group"/>; returns true when all finished.</summary>
    public static async Plan<bool> Wait(object? group = null, double? timeout = null, bool errorOnTimeout = true, IReadOnlyList<object>? watch = null)
    {
        var kwargs = Kw(("group", group), ("error_on_timeout", errorOnTimeout), ("timeout", timeout));
        if (watch is { Count: > 0 })
        {
            kwargs["watch"] = watch;
        }

        return await new Msg(C.Wait, null, [], kwargs) as bool? ?? true;
    }

    /// <summary>Marks where a resume rewinds to.</summary>
    public static Msg Checkpoint() => new Msg(C.Checkpoint);

    /// <summary>Forgets the checkpoint: a later pause aborts.</summary>
    public static Msg ClearCheckpoint() => new Msg(C.ClearCheckpoint);

    /// <summary>Pauses now.</summary>
    public static Msg Pause() => new Msg(C.Pause, null, [], Kw(("defer", false)));

    /// <summary>Pauses at the next checkpoint.</summary>
    public static Msg DeferredPause() => new Msg(C.Pause, null, [], Kw(("defer", true)));

    /// <summary>Asks the user for a line of input.</summary>
    public static async Plan<string?> Input(string prompt = "") => (string?)await new Msg(C.Input, null, [], Kw(("prompt", prompt)));

    /// <summary>Prepares <paramref name="obj"/> with <paramref name="value"/>.</summary>
    public static async Plan<Status?> Prepare(IPreparable obj, object? value, object? group = null, bool wait = false)
    {
        var status = (Status?)await new Msg(C.Prepare, obj, [value], Kw(("group", group)));
        if (wait)
        {
            await Wait(group);
        }

        return status;
    }

    /// <summary>Kicks off a flyer.</summary>
    public static async Plan<Status?> Kickoff(IFlyable obj, object? group = null, bool wait = false)
    {
        var status = (Status?)await new Msg(C.Kickoff, obj, [], Kw(("group", group)));
        if (wait)
        {
            await Wait(group);
        }

        return status;
    }

    /// <summary>Kicks off several flyers in one group and, by default, waits for all.</summary>
    public static async Plan<IReadOnlyList<Status?>> KickoffAll(IEnumerable<IFlyable> flyers, object? group = null, bool wait = true)
    {
        ArgumentNullException.ThrowIfNull(flyers);
        group ??= ShortUid("kickoff");
        var statuses = new List<Status?>();
        foreach (var flyer in flyers)
        {
            statuses.Add((Status?)await new Msg(C.Kickoff, flyer, [], Kw(("group", group))));
        }

        if (wait)
        {
            await Wait(group);
        }

        return statuses;
    }

    /// <summary>Asks a flyer to complete.</summary>
    public static async Plan<Status?> Complete(IFlyable obj, object? group = null, bool wait = false)
    {
        var status = (Status?)await new Msg(C.Complete, obj, [], Kw(("group", group)));
        if (wait)
        {
            await Wait(group);
        }

        return status;
    }

    /// <summary>Asks several flyers to complete, in one group.</summary>
    public static async Plan<IReadOnlyList<Status?>> CompleteAll(IEnumerable<IFlyable> flyers, object? group = null, bool wait = false)
    {
        ArgumentNullException.ThrowIfNull(flyers);
        group ??= ShortUid("complete");
        var statuses = new List<Status?>();
        foreach (var flyer in flyers)
        {
            statuses.Add((Status?)await new Msg(C.Complete, flyer, [], Kw(("group", group))));
        }

        if (wait)
        {
            await Wait(group);
        }

        return statuses;
    }

    /// <summary>Collects from one or more collectables into stream <paramref name="name"/>.</summary>
    public static async Plan<object?> Collect(IReadOnlyList<ICollectable> objs, string? name = null, bool returnPayload = true)
    {
        ArgumentNullException.ThrowIfNull(objs);
        if (objs.Count == 0)
        {
            throw new ArgumentException("Collect needs at least one object.", nameof(objs));
        }

        var kwargs = Kw(("return_payload", returnPayload));
        if (name is not null)
        {
            kwargs["name"] = name;
        }

        return await new Msg(C.Collect, objs[0], [.. objs.Skip(1)], kwargs);
    }

    /// <summary>
    /// Completes flyers, collecting from detectors every <paramref name="flushPeriod"/> seconds until all are
    /// done (bluesky's <c>collect_while_completing</c>).
    /// </summary>
    public static async Plan CollectWhileCompleting(IEnumerable<IFlyable> flyers, IReadOnlyList<ICollectable> detectors, double? flushPeriod = null, string? streamName = null, IReadOnlyList<object>? watch = null)
    {
        var group = ShortUid("complete");
        await CompleteAll(flyers, group, wait: false);
        var done = false;
        while (!done)
        {
            done = await Wait(group, flushPeriod, errorOnTimeout: false, watch: watch);
            await Collect(detectors, streamName);
        }
    }

    /// <summary>Configures <paramref name="obj"/>; returns (old, new) configuration.</summary>
    public static async Plan<object?> Configure(IReconfigurable obj, IReadOnlyDictionary<string, object?> settings) =>
        await new Msg(C.Configure, obj, [], settings);

    /// <summary>Stages <paramref name="obj"/>; with <paramref name="wait"/> (the default), waits for it.</summary>
    public static async Plan<object?> Stage(object obj, object? group = null, bool wait = true)
    {
        var result = await new Msg(C.Stage, obj, [], Kw(("group", group)));
        if (wait && result is Status)
        {
            await Wait(group);
        }

        return result;
    }

    /// <summary>Stages several devices in one group and waits.</summary>
    public static async Plan StageAll(IEnumerable<object> objs, object? group = null)
    {
        ArgumentNullException.ThrowIfNull(objs);
        group ??= ShortUid("stage");
        var any = false;
        foreach (var obj in objs)
        {
            any |= await new Msg(C.Stage, obj, [], Kw(("group", group))) is Status;
        }

        if (any)
        {
            await Wait(group);
        }
    }

    /// <summary>Unstages <paramref name="obj"/>; with <paramref name="wait"/> (the default), waits for it.</summary>
    public static async Plan<object?> Unstage(object obj, object? group = null, bool wait = true)
    {
        var result = await new Msg(C.Unstage, obj, [], Kw(("group", group)));
        if (wait && result is Status)
        {
            await Wait(group);
        }

        return result;
    }

    /// <summary>Unstages several devices in one group and waits.</summary>
    public static async Plan UnstageAll(IEnumerable<object> objs, object? group = null)
    {
        ArgumentNullException.ThrowIfNull(objs);
        group ??= ShortUid("unstage");
        var any = false;
        foreach (var obj in objs)
        {
            any |= await new Msg(C.Unstage, obj, [], Kw(("group", group))) is Status;
        }

        if (any)
        {
            await Wait(group);
        }
    }

    /// <summary>Subscribes a callback for the rest of this call; returns its token.</summary>
    public static async Plan<int?> Subscribe(DocumentCallback callback, DocumentName? name = null) =>
        await new Msg(C.Subscribe, null, callback, name) as int?;

    /// <summary>Removes a subscription made by <see cref="Subscribe"/>.</summary>
    public static Msg Unsubscribe(int token) => new Msg(C.Unsubscribe, null, [], Kw(("token", token)));

    /// <summary>Installs a suspender for the rest of the plan.</summary>
    public static Msg InstallSuspender(ISuspender suspender) => new Msg(C.InstallSuspender, null, suspender);

    /// <summary>Removes a suspender.</summary>
    public static Msg RemoveSuspender(ISuspender suspender) => new Msg(C.RemoveSuspender, null, suspender);

    /// <summary>Waits for tasks or task factories.</summary>
    public static Msg WaitFor(IEnumerable<object> tasks, double? timeout = null) =>
        new(C.WaitFor, null, [tasks.ToList()], timeout is null ? Kw() : Kw(("timeout", timeout)));

    /// <summary>
    /// Triggers every triggerable device, waits, and reads them all into one event of stream
    /// <paramref name="name"/>; on a failed read the bundle is dropped. Returns the merged readings.
    /// </summary>
    public static async Plan<IReadOnlyDictionary<string, Reading>> TriggerAndRead(IReadOnlyList<IReadable> devices, string name = "primary")
    {
        ArgumentNullException.ThrowIfNull(devices);
        if (devices.Count == 0)
        {
            await Null();
            return new Dictionary<string, Reading>();
        }

        var separated = SeparateDevices(devices);
        var group = ShortUid("trigger");
        var triggered = false;
        foreach (var obj in separated)
        {
            if (obj is ITriggerable triggerable)
            {
                triggered = true;
                await new Msg(C.Trigger, triggerable, [], Kwargs.Of("group", group));
            }
        }

        if (triggered)
        {
            await new Msg(C.Wait, null, [], Kwargs.Of("group", group));
        }

        await new Msg(C.Create, null, [], Kwargs.Of("name", name));
        var readings = new Dictionary<string, Reading>(StringComparer.Ordinal);
        try
        {
            foreach (var obj in separated)
            {
                if (await new Msg(C.Read, obj) is IReadOnlyDictionary<string, Reading> reading)
                {
                    foreach (var (k, v) in reading)
                    {
                        readings[k] = v;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not Errors.PlanClosedException)
        {
            await new Msg(C.Drop);
            throw;
        }

        await new Msg(C.Save);
        return readings;
    }

    /// <summary>Sends <paramref name="command"/> to each object; returns the responses (bluesky's <c>broadcast_msg</c>).</summary>
    public static async Plan<IReadOnlyList<object?>> BroadcastMsg(string command, IEnumerable<object> objs, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(objs);
        var results = new List<object?>();
        foreach (var obj in objs)
        {
            results.Add(await new Msg(command, obj, args));
        }

        return results;
    }

    /// <summary>Runs plans made by <paramref name="planFactory"/> <paramref name="n"/> times, or forever when null (bluesky's <c>repeater</c>).</summary>
    public static async Plan Repeater(int? n, Func<Plan> planFactory)
    {
        ArgumentNullException.ThrowIfNull(planFactory);
        for (var i = 0; n is null || i < n; i++)
        {
            await planFactory();
        }
    }

    /// <summary>
    /// Repeats a plan <paramref name="num"/> times (forever when null) with a checkpoint before each, sleeping so
    /// that each repetition starts <paramref name="delay"/> seconds after the last began (bluesky's <c>repeat</c>
    /// with a scalar delay). As in bluesky, the delay also follows the last repetition.
    /// </summary>
    public static Plan Repeat(Func<Plan> planFactory, int? num = 1, double delay = 0, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(planFactory);
        return RepeatCore(planFactory, num, delay, null, time ?? TimeProvider.System);
    }

    /// <summary>
    /// Repeats a plan <paramref name="num"/> times (forever when null) with a checkpoint before each; after
    /// repetition i, sleeps until <c>delay[i]</c> seconds have passed since it began (bluesky's <c>repeat</c>
    /// with a list of delays). When the delays run out the repetitions end, so <paramref name="delay"/> needs at
    /// least <c>num - 1</c> entries; null means no delays at all.
    /// </summary>
    public static Plan Repeat(Func<Plan> planFactory, int? num, IReadOnlyList<double>? delay, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(planFactory);
        if (delay is not null && num is { } count && count - 1 > delay.Count)
        {
            throw new ArgumentException($"num={count} but delay only provides {delay.Count} entries.", nameof(delay));
        }

        return RepeatCore(planFactory, num, null, delay, time ?? TimeProvider.System);
    }

    private static async Plan RepeatCore(Func<Plan> planFactory, int? num, double? scalarDelay, IReadOnlyList<double>? delays, TimeProvider time)
    {
        for (var i = 0; num is null || i < num; i++)
        {
            var started = time.GetTimestamp();
            await Checkpoint();
            await planFactory();
            var seconds = scalarDelay;
            if (delays is not null)
            {
                // bluesky stops at StopIteration: after the last of num repetitions, or to end an endless repeat.
                if (i >= delays.Count)
                {
                    break;
                }

                seconds = delays[i];
            }

            if (seconds is { } d)
            {
                var left = d - time.GetElapsedTime(started).TotalSeconds;
                if (left > 0)
                {
                    await Sleep(left);
                }
            }
        }
    }

    /// <summary>One step of a count: a checkpoint, then trigger and read the detectors (bluesky's <c>one_shot</c>).</summary>
    public static async Plan OneShot(IReadOnlyList<IReadable> detectors, Func<IReadOnlyList<IReadable>, Plan>? takeReading = null)
    {
        await Checkpoint();
        await (takeReading?.Invoke(detectors) ?? TriggerAndRead(detectors));
    }

    /// <summary>One step of a 1-D scan: checkpoint, move, then trigger and read detectors and motor (bluesky's <c>one_1d_step</c>).</summary>
    public static async Plan<object?> OneOneDStep(IReadOnlyList<IReadable> detectors, IMovable motor, object? step, Func<IReadOnlyList<IReadable>, Plan>? takeReading = null)
    {
        ArgumentNullException.ThrowIfNull(detectors);
        var group = ShortUid("set");
        await Checkpoint();
        await new Msg(C.Set, motor, [step], Kw(("group", group)));
        await new Msg(C.Wait, null, [], Kw(("group", group)));
        var all = detectors.Concat(motor is IReadable r ? [r] : []).ToList();
        var plan = takeReading?.Invoke(all) ?? TriggerAndRead(all);
        await plan;
        return plan.ReturnValue;
    }

    /// <summary>Moves only the motors whose position changes from the cache, in parallel, after a checkpoint (bluesky's <c>move_per_step</c>).</summary>
    public static async Plan MovePerStep(IReadOnlyList<(IMovable Motor, object? Position)> step, Dictionary<IMovable, object?> positionCache)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(positionCache);
        await Checkpoint();
        var group = ShortUid("set");
        foreach (var (motor, position) in step)
        {
            if (positionCache.TryGetValue(motor, out var cached) && Equals(cached, position))
            {
                continue;
            }

            await new Msg(C.Set, motor, [position], Kwargs.Of("group", group));
            positionCache[motor] = position;
        }

        await new Msg(C.Wait, null, [], Kwargs.Of("group", group));
    }

    /// <summary>One step of an N-D scan: move the motors that change, then trigger and read detectors and motors (bluesky's <c>one_nd_step</c>).</summary>
    public static async Plan OneNdStep(IReadOnlyList<IReadable> detectors, IReadOnlyList<(IMovable Motor, object? Position)> step, Dictionary<IMovable, object?> positionCache, Func<IReadOnlyList<IReadable>, Plan>? takeReading = null)
    {
        ArgumentNullException.ThrowIfNull(detectors);
        ArgumentNullException.ThrowIfNull(step);
        await MovePerStep(step, positionCache);
        var all = detectors.Concat(step.Select(s => s.Motor).OfType<IReadable>()).ToList();
        await (takeReading?.Invoke(all) ?? TriggerAndRead(all));
    }

    /// <summary>
    /// Drops devices whose parent device is also in the list, so nothing is read twice (bluesky's
    /// <c>separate_devices</c>).
    /// </summary>
    public static IReadOnlyList<T> SeparateDevices<T>(IReadOnlyList<T> devices)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(devices);
        if (IsFlatAndDistinct(devices))
        {
            return devices;
        }

        var set = new HashSet<object>(devices, ReferenceEqualityComparer.Instance);
        var result = new List<T>(devices.Count);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var device in devices)
        {
            if (!seen.Add(device))
            {
                continue;
            }

            var ancestorPresent = false;
            for (var parent = (device as IHasParent)?.Parent; parent is not null; parent = (parent as IHasParent)?.Parent)
            {
                if (set.Contains(parent))
                {
                    ancestorPresent = true;
                    break;
                }
            }

            if (!ancestorPresent)
            {
                result.Add(device);
            }
        }

        return result;
    }

    // The common case (a few distinct devices without parents) needs no sets: checked in place without allocating.
    private static bool IsFlatAndDistinct<T>(IReadOnlyList<T> devices)
        where T : class
    {
        if (devices.Count > 16)
        {
            return false;
        }

        for (var i = 0; i < devices.Count; i++)
        {
            if (devices[i] is IHasParent { Parent: not null })
            {
                return false;
            }

            for (var j = 0; j < i; j++)
            {
                if (ReferenceEquals(devices[i], devices[j]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Builds mutable keyword arguments; null values are kept (they mean "default group").</summary>
    internal static Dictionary<string, object?> Kw(params (string Key, object? Value)[] pairs)
    {
        var kwargs = new Dictionary<string, object?>(pairs.Length, StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            kwargs[key] = value;
        }

        return kwargs;
    }
}
