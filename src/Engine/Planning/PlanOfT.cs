using System.Runtime.CompilerServices;

namespace Hyperion.Engine.Planning;

/// <summary>A plan that returns a value of type <typeparamref name="T"/> when it finishes.</summary>
/// <typeparam name="T">The type of the plan's return value.</typeparam>
[AsyncMethodBuilder(typeof(PlanMethodBuilder<>))]
public abstract class Plan<T> : Plan
{
    private T _result = default!;

    /// <summary>The value the plan returned (default until it completes).</summary>
    public T Result => _result;

    /// <inheritdoc />
    public override object? ReturnValue => IsCompleted && Exception is null ? _result : null;

    /// <summary>Awaiting a plan inside another plan runs it in place and evaluates to its result.</summary>
    public new Plan<T> GetAwaiter() => this;

    /// <summary>Returns the plan's result, or rethrows its exception if it failed.</summary>
    public new T GetResult()
    {
        ThrowIfFaulted();
        return _result;
    }

    /// <summary>Records normal completion with a value.</summary>
    private protected void MarkReturned(T result)
    {
        _result = result;
        MarkReturned();
    }
}
