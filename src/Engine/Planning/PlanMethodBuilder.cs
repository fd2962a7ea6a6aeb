using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Hyperion.Engine.Planning;

/// <summary>
/// The async method builder that turns an <c>async Plan</c> method into a lazily evaluated plan.
/// Used by the compiler, not by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct PlanMethodBuilder
{
    private PlanMethodBuilder<VoidResult> _inner;

    /// <summary>Creates a builder.</summary>
    public static PlanMethodBuilder Create() => default;

    /// <summary>Captures the state machine without running it.</summary>
    public void Start<TStateMachine>(ref TStateMachine stateMachine)
        where TStateMachine : IAsyncStateMachine => _inner.Start(ref stateMachine);

    /// <summary>The plan object returned to the caller.</summary>
    public readonly Plan Task => _inner.Task;

    /// <summary>Not used.</summary>
#pragma warning disable CA1822 // The compiler calls the builder pattern's members on an instance.
    public readonly void SetStateMachine(IAsyncStateMachine stateMachine)
    {
    }
#pragma warning restore CA1822

    /// <summary>Records normal completion.</summary>
    public readonly void SetResult() => _inner.SetResult(default);

    /// <summary>Records the exception that ended the plan.</summary>
    public readonly void SetException(Exception exception) => _inner.SetException(exception);

    /// <summary>Suspends the plan on an awaited message or sub-plan.</summary>
    public readonly void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : INotifyCompletion
        where TStateMachine : IAsyncStateMachine => _inner.AwaitOnCompleted(ref awaiter, ref stateMachine);

    /// <summary>Suspends the plan on an awaited message or sub-plan.</summary>
    public readonly void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
        where TAwaiter : ICriticalNotifyCompletion
        where TStateMachine : IAsyncStateMachine => _inner.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
}
