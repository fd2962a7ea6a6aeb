using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Hyperion.Engine.Errors;
using Hyperion.Engine.Messages;

namespace Hyperion.Engine.Planning;

/// <summary>
/// A plan: a lazily evaluated stream of <see cref="Msg"/>s that receives the RunEngine's response to
/// each one. It is the C# shape of a bluesky generator plan.
/// </summary>
/// <remarks>
/// <para>Write plans as <c>async Plan</c> or <c>async Plan&lt;T&gt;</c> methods. Inside, <c>await msg</c>
/// yields a message and evaluates to the response; <c>await otherPlan</c> is <c>yield from</c>: it runs the
/// sub-plan's messages in place and evaluates to its return value. Exceptions the RunEngine throws into the
/// plan surface at the <c>await</c>, so try/catch/finally work as in Python. Calling a plan method runs none
/// of its body: the body runs only as the plan is advanced. A plan must not await tasks or touch hardware.</para>
/// <para>The generator protocol (<see cref="Advance"/>, <see cref="Send"/>, <see cref="Throw"/>,
/// <see cref="Close"/>) lets anything drive a plan: the RunEngine, the simulator, a preprocessor.</para>
/// </remarks>
[AsyncMethodBuilder(typeof(PlanMethodBuilder))]
public abstract class Plan : ICriticalNotifyCompletion
{
    private PlanState _state;
    private Exception? _exception;

    /// <summary>A name for this plan, used as <c>plan_name</c> metadata (the method name for async plans).</summary>
    public virtual string Name => GetType().Name;

    /// <summary>The kind of plan, used as <c>plan_type</c> metadata.</summary>
    public virtual string PlanType => "generator";

    /// <summary>True once the plan has returned or failed.</summary>
    public bool IsCompleted => _state == PlanState.Completed;

    /// <summary>True once the plan has been advanced at least once.</summary>
    public bool IsStarted => _state != PlanState.NotStarted;

    /// <summary>The exception that ended the plan, if it failed.</summary>
    public Exception? Exception => _exception;

    /// <summary>The value the plan returned (null until it completes, or if it returns nothing).</summary>
    public virtual object? ReturnValue => null;

    /// <summary>
    /// Advances the plan: sends <paramref name="response"/> (the response to the last message) or throws
    /// <paramref name="error"/> into it at its current suspension point, and runs it to its next message
    /// or to its end. Never throws the plan's own exceptions: they come back as a faulted step.
    /// </summary>
    public abstract PlanStep Advance(object? response, Exception? error);

    /// <summary>Python's <c>gen.send(value)</c>: the next message, or null when the plan returned; throws if it failed.</summary>
    public Msg? Send(object? value = null) => Unwrap(Advance(value, null));

    /// <summary>Python's <c>gen.throw(error)</c>: the next message, or null when the plan returned; throws if it failed.</summary>
    public Msg? Throw(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Unwrap(Advance(null, error));
    }

    /// <summary>
    /// Python's <c>gen.close()</c>: throws <paramref name="reason"/> (a <see cref="PlanClosedException"/>) into a
    /// suspended plan so that its finally blocks run, without processing any message it yields. A plan that
    /// yields while being closed is abandoned and reported with <see cref="PlanYieldedOnClose"/>.
    /// </summary>
    public void Close(PlanClosedException? reason = null)
    {
        if (_state == PlanState.NotStarted)
        {
            _state = PlanState.Completed;
            return;
        }

        if (_state == PlanState.Completed)
        {
            return;
        }

        reason ??= new PlanClosedException();
        var step = Advance(null, reason);
        if (step.Kind == PlanStepKind.Yielded)
        {
            MarkFaulted(reason);
            throw new PlanYieldedOnClose(Name, step.Message!);
        }

        if (step.Kind == PlanStepKind.Faulted && step.Error is not PlanClosedException)
        {
            ExceptionDispatchInfo.Throw(step.Error!);
        }
    }

    /// <summary>Makes a plan of a fixed sequence of messages (bluesky's list plans).</summary>
    public static Plan From(params Msg[] messages) => new MessagesPlan(messages, "list");

    /// <summary>Makes a plan of a message sequence, evaluated lazily (an iterator method is a plan too).</summary>
    public static Plan From(IEnumerable<Msg> messages) => messages as Plan ?? new MessagesPlan(messages, "generator");

    /// <summary>A one-message plan.</summary>
    public static implicit operator Plan(Msg msg) => From(msg);

    /// <summary>A one-message plan (the named alternative of the implicit conversion).</summary>
    public static Plan FromMsg(Msg msg) => From(msg);

    /// <summary>Awaiting a plan inside another plan runs it in place (<c>yield from</c>).</summary>
    public Plan GetAwaiter() => this;

    /// <summary>Rethrows the plan's exception if it failed.</summary>
    public void GetResult() => ThrowIfFaulted();

    /// <summary>
    /// Only reached when a plan is awaited outside a plan (in an ordinary async method): resumes the awaiter at
    /// once, and <see cref="GetResult"/> then explains the mistake.
    /// </summary>
    void INotifyCompletion.OnCompleted(Action continuation) => PlanCoroutine.ResumeMisplacedAwait(continuation);

    /// <inheritdoc cref="INotifyCompletion.OnCompleted"/>
    void ICriticalNotifyCompletion.UnsafeOnCompleted(Action continuation) => PlanCoroutine.ResumeMisplacedAwait(continuation);

    /// <inheritdoc />
    public override string ToString() => $"{PlanType} plan '{Name}'";

    /// <summary>Moves the plan from not started to running.</summary>
    private protected void MarkStarted() => _state = PlanState.Running;

    /// <summary>Records normal completion.</summary>
    private protected void MarkReturned() => _state = PlanState.Completed;

    /// <summary>Records failure.</summary>
    private protected void MarkFaulted(Exception error)
    {
        _exception = error;
        _state = PlanState.Completed;
    }

    /// <summary>The step to report when a completed plan is advanced again (Python's behaviour).</summary>
    private protected static PlanStep AfterCompletion(Exception? error) =>
        error is null ? PlanStep.Returned : PlanStep.Fault(error);

    /// <summary>Throws the plan's exception, preserving its stack trace.</summary>
    private protected void ThrowIfFaulted()
    {
        if (_state != PlanState.Completed)
        {
            throw PlanCoroutine.AwaitedOutsidePlan();
        }

        if (_exception is not null)
        {
            ExceptionDispatchInfo.Throw(_exception);
        }
    }

    private protected PlanState State => _state;

    private static Msg? Unwrap(PlanStep step)
    {
        if (step.Kind == PlanStepKind.Faulted)
        {
            ExceptionDispatchInfo.Throw(step.Error!);
        }

        return step.Message;
    }

    // The response slot read by MsgAwaiter.GetResult while this plan's body runs.
    internal object? PendingResponse;
    internal Exception? PendingError;
}
