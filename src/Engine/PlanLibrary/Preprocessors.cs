using System.Runtime.ExceptionServices;
using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;
using C = Hyperion.Engine.Messages.Commands;

namespace Hyperion.Engine.PlanLibrary;

/// <summary>
/// Preprocessors: functions that take a plan and return a modified plan (bluesky's
/// <c>bluesky.preprocessors</c>, "bpp"). The two mutators here are the machinery the others are built on:
/// <see cref="MsgMutator"/> rewrites messages one for one, <see cref="PlanMutator"/> inserts whole plans
/// before (head) and after (tail) chosen messages.
/// </summary>
public static partial class Preprocessors
{
    /// <summary>
    /// Passes each message of <paramref name="plan"/> through <paramref name="process"/>: its result is yielded
    /// instead (null drops the message and sends null back). Returns the plan's return value.
    /// </summary>
    public static async Plan<object?> MsgMutator(Plan plan, Func<Msg, Msg?> process)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(process);
        var step = plan.Advance(null, null);
        while (true)
        {
            if (step.Kind == PlanStepKind.Returned)
            {
                return plan.ReturnValue;
            }

            if (step.Kind == PlanStepKind.Faulted)
            {
                ExceptionDispatchInfo.Throw(step.Error!);
            }

            object? response = null;
            Exception? error = null;
            var msg = process(step.Message!);
            if (msg is not null)
            {
                try
                {
                    response = await msg;
                }
                catch (PlanClosedException)
                {
                    plan.Close();
                    throw;
                }
                catch (Exception ex)
                {
                    error = ex;
                }
            }

            step = plan.Advance(response, error);
        }
    }

    /// <summary>
    /// Lets <paramref name="process"/> replace messages with plans (bluesky's <c>plan_mutator</c>). For each
    /// message it returns (head, tail): the head runs instead of the message (and its last response goes back
    /// to the plan as the message's response); the tail runs after the head. (null, null) passes the message
    /// through; (null, tail) runs the message itself, then the tail. Messages a head re-yields are not processed again.
    /// </summary>
    public static async Plan<object?> PlanMutator(Plan plan, Func<Msg, (Plan? Head, Plan? Tail)> process)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(process);
        var inFlight = new HashSet<Msg>(ReferenceEqualityComparer.Instance);
        var plans = new List<Plan> { plan };
        var results = new List<object?> { null };
        var tails = new Dictionary<Plan, Plan?>(ReferenceEqualityComparer.Instance);
        var tailResults = new Dictionary<Plan, object?>(ReferenceEqualityComparer.Instance);
        Exception? exception = null;
        object? returnValue = null;
        object? sent = null;
        while (true)
        {
            var top = plans[^1];
            PlanStep step;
            if (exception is not null)
            {
                step = top.Advance(null, exception);
            }
            else
            {
                sent = Pop(results);
                step = top.Advance(sent, null);
            }

            if (step.Kind == PlanStepKind.Returned)
            {
                var exhausted = Pop(plans);
                if (ReferenceEquals(exhausted, plan))
                {
                    returnValue = exhausted.ReturnValue;
                }

                // The response to the message a head replaced is the last response the head received.
                var result = tailResults.Remove(exhausted, out var saved) ? saved : sent;
                results.Add(result);
                if (tails.Remove(exhausted, out var tail) && tail is not null)
                {
                    plans.Add(tail);
                    tailResults[tail] = Pop(results);
                    results.Add(null);
                }

                exception = null;
                if (plans.Count > 0)
                {
                    continue;
                }

                return returnValue;
            }

            if (step.Kind == PlanStepKind.Faulted)
            {
                var failed = Pop(plans);
                tails.Remove(failed);
                tailResults.Remove(failed);
                if (plans.Count > 0)
                {
                    exception = step.Error;
                    continue;
                }

                ExceptionDispatchInfo.Throw(step.Error!);
            }

            exception = null;
            var msg = step.Message!;
            if (!inFlight.Remove(msg))
            {
                var (head, tailPlan) = process(msg);
                if (tailPlan is not null && head is null)
                {
                    head = Plan.From(msg);
                }

                if (head is not null)
                {
                    inFlight.Add(msg);
                    plans.Add(head);
                    results.Add(null);
                    tails[head] = tailPlan;
                    continue;
                }
            }

            try
            {
                results.Add(await msg);
            }
            catch (PlanClosedException)
            {
                for (var i = plans.Count - 1; i >= 0; i--)
                {
                    plans[i].Close();
                }

                throw;
            }
            catch (Exception ex)
            {
                exception = ex;
            }
        }
    }

    /// <summary>Runs plans one after another; returns their return values (bluesky's <c>pchain</c>).</summary>
    public static async Plan<IReadOnlyList<object?>> Pchain(params Plan[] plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var results = new List<object?>(plans.Length);
        try
        {
            foreach (var plan in plans)
            {
                await plan;
                results.Add(plan.ReturnValue);
            }
        }
        catch (RunEngineControlException)
        {
            foreach (var plan in plans)
            {
                plan.Close();
            }

            throw;
        }

        return results;
    }

    /// <summary>Adapts any plan to a <see cref="Plan{T}"/> of its boxed return value.</summary>
    public static async Plan<object?> AsObjectPlan(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await plan;
        return plan.ReturnValue;
    }

    /// <summary>
    /// Runs <paramref name="finalPlan"/> after <paramref name="plan"/> however it ends, unless it is closed or
    /// halted (bluesky's <c>finalize_wrapper</c>). With <paramref name="pauseForDebug"/>, pauses on failure first.
    /// </summary>
    public static async Plan<T> Finalize<T>(Plan<T> plan, Func<Plan>? finalPlan, bool pauseForDebug = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var cleanup = true;
        try
        {
            return await plan;
        }
        catch (PlanClosedException)
        {
            cleanup = false;
            throw;
        }
        catch (Exception) when (pauseForDebug)
        {
            await Stubs.Pause();
            throw;
        }
        finally
        {
            if (cleanup && finalPlan is not null)
            {
                await finalPlan();
            }
        }
    }

    /// <summary>Runs <paramref name="finalPlan"/> after <paramref name="plan"/> however it ends, unless it is closed or halted.</summary>
    public static Plan<object?> Finalize(Plan plan, Func<Plan>? finalPlan, bool pauseForDebug = false) =>
        Finalize(AsObjectPlan(plan), finalPlan, pauseForDebug);

    /// <summary>Runs a cleanup plan instance after <paramref name="plan"/> however it ends, unless it is closed or halted.</summary>
    public static Plan<object?> Finalize(Plan plan, Plan finalPlan, bool pauseForDebug = false) =>
        Finalize(AsObjectPlan(plan), () => finalPlan, pauseForDebug);

    /// <summary>
    /// try/except/else/finally for plans (bluesky's <c>contingency_wrapper</c>): on failure runs
    /// <paramref name="exceptPlan"/> with the exception (then re-raises when <paramref name="autoRaise"/>), on
    /// success runs <paramref name="elsePlan"/>, and always (unless closed) runs <paramref name="finalPlan"/>.
    /// </summary>
    public static async Plan<object?> Contingency(
        Plan plan,
        Func<Exception, Plan>? exceptPlan = null,
        Func<Plan>? elsePlan = null,
        Func<Plan>? finalPlan = null,
        bool pauseForDebug = false,
        bool autoRaise = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var cleanup = true;
        try
        {
            try
            {
                await plan;
            }
            catch (PlanClosedException)
            {
                cleanup = false;
                throw;
            }
            catch (Exception ex)
            {
                if (pauseForDebug)
                {
                    await Stubs.Pause();
                }

                if (exceptPlan is null)
                {
                    throw;
                }

                var handler = exceptPlan(ex);
                await handler;
                if (autoRaise)
                {
                    throw;
                }

                return handler.ReturnValue;
            }

            if (elsePlan is not null)
            {
                await elsePlan();
            }

            return plan.ReturnValue;
        }
        finally
        {
            if (cleanup && finalPlan is not null)
            {
                await finalPlan();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="plan"/> with the RunEngine's rewindable flag set to <paramref name="rewindable"/>,
    /// restoring it afterwards (bluesky's <c>rewindable_wrapper</c>).
    /// </summary>
    public static async Plan<object?> Rewindable(Plan plan, bool rewindable)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (rewindable)
        {
            await plan;
            return plan.ReturnValue;
        }

        var initial = await new Msg(C.Rewindable, null, (object?)null) as bool? ?? true;
        if (initial != rewindable)
        {
            await new Msg(C.Rewindable, null, rewindable);
        }

        return await Finalize(AsObjectPlan(plan), initial != rewindable ? () => new Msg(C.Rewindable, null, initial) : null);
    }

    /// <summary>
    /// Interprets every 'set' of <paramref name="devices"/> (all movables when null) as relative to where the
    /// device was when first set in the plan (bluesky's <c>relative_set_wrapper</c>).
    /// </summary>
    public static async Plan<object?> RelativeSet(Plan plan, IEnumerable<object>? devices = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var eligible = devices?.ToHashSet(ReferenceEqualityComparer.Instance);
        var initial = new Dictionary<object, double>(ReferenceEqualityComparer.Instance);

        (Plan? Head, Plan? Tail) InsertReads(Msg msg)
        {
            if (msg.Command == C.Set && msg.Obj is { } obj && (eligible is null || eligible.Contains(obj)) && !initial.ContainsKey(obj))
            {
                return (Pchain(ReadAndStashPosition(obj, initial), Plan.From(msg)), null);
            }

            return (null, null);
        }

        Msg? RewritePosition(Msg msg)
        {
            if (msg.Command == C.Set && msg.Obj is { } obj && initial.TryGetValue(obj, out var start) && msg.Args.Count == 1)
            {
                var delta = Documents.MetadataValues.AsDouble(msg.Args[0])
                    ?? throw new ArgumentException($"A relative set of {Msg.Describe(obj)} needs a numeric offset, got {Msg.Describe(msg.Args[0])}.");
                return msg with { Args = [start + delta] };
            }

            return msg;
        }

        return await MsgMutator(PlanMutator(plan, InsertReads), RewritePosition);
    }

    /// <summary>Reads where a movable is now (its setpoint, else its hinted reading), for relative moves and reset.</summary>
    internal static async Plan ReadAndStashPosition(object obj, Dictionary<object, double> positions)
    {
        double position;
        if (obj is ILocatable locatable)
        {
            var location = await new Msg(C.Locate, locatable) as Location?;
            position = location is { } l ? Documents.MetadataValues.AsDouble(l.Setpoint) ?? 0 : 0;
        }
        else if (obj is IReadable readable)
        {
            var reading = await new Msg(C.Read, readable) as IReadOnlyDictionary<string, Reading>;
            if (reading is null || reading.Count == 0)
            {
                position = 0;
            }
            else
            {
                var fields = (obj as IHasHints)?.Hints.Fields ?? [];
                if (fields.Count > 1)
                {
                    throw new InvalidOperationException($"{readable.Name} has several hinted fields; cannot tell which is its position.");
                }

                var key = fields.Count == 1 ? fields[0] : reading.Keys.First();
                position = Documents.MetadataValues.AsDouble(reading[key].Value) ?? 0;
            }
        }
        else
        {
            throw new DeviceProtocolException(C.Set, obj, typeof(ILocatable));
        }

        positions[obj] = position;
    }

    private static T Pop<T>(List<T> list)
    {
        var item = list[^1];
        list.RemoveAt(list.Count - 1);
        return item;
    }
}
