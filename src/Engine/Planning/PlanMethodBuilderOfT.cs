using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Hyperion.Engine.Planning;

/// <summary>
/// The async method builder that turns an <c>async Plan&lt;T&gt;</c> method into a lazily evaluated plan.
/// Used by the compiler, not by hand.
/// </summary>
/// <typeparam name="T">The plan's return type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct PlanMethodBuilder<T>
{
    private PlanCoroutine<T>? _plan;

    /// <summary>Creates a builder.</summary>
#pragma warning disable CA1000 // The async method builder pattern requires a static Create on the generic builder.
    public static PlanMethodBuilder<T> Create() => default;
#pragma warning restore CA1000

    /// <summary>Captures the state machine without running it: plans are lazy, like generators.</summary>
    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine
    {
        var plan = new StateMachinePlan<TStateMachine, T>();
        _plan = plan;
        plan.StateMachine = stateMachine;
    }

    /// <summary>The plan object returned to the caller.</summary>
    public readonly Plan<T> Task => _plan!;

    /// <summary>Not used: the state machine is captured in <see cref="Start{TStateMachine}"/>.</summary>
#pragma warning disable CA1822 // The compiler calls the builder pattern's members on an instance.
    public readonly void SetStateMachine(IAsyncStateMachine stateMachine)
    {
    }
#pragma warning restore CA1822

    /// <summary>Records the plan's return value.</summary>
    public readonly void SetResult(T result) => _plan!.OnReturn(result);

    /// <summary>Records the exception that ended the plan.</summary>
    public readonly void SetException(Exception exception) => _plan!.OnFault(exception);

    /// <summary>Suspends the plan on an awaited message or sub-plan.</summary>
    public readonly void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine => _plan!.OnAwait(ref awaiter);

    /// <summary>Suspends the plan on an awaited message or sub-plan.</summary>
    public readonly void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine => _plan!.OnAwait(ref awaiter);
}
