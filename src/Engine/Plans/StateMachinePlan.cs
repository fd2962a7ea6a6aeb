using System.Runtime.CompilerServices;

namespace Hyperion.Engine.Plans;

/// <summary>Holds the compiler-generated state machine of one <c>async Plan</c> method call.</summary>
/// <typeparam name="TStateMachine">The compiler's state machine type.</typeparam>
/// <typeparam name="T">The plan's return type.</typeparam>
internal sealed class StateMachinePlan<TStateMachine, T> : PlanCoroutine<T>
    where TStateMachine : IAsyncStateMachine
{
    private static readonly string MethodName = NameOf(typeof(TStateMachine));

    internal TStateMachine StateMachine = default!;

    public override string Name => MethodName;

    protected override void MoveNextBody() => StateMachine.MoveNext();

    // The compiler names the state machine of method Count "<Count>d__3"; local functions add more brackets.
    private static string NameOf(Type stateMachine)
    {
        var name = stateMachine.Name;
        var open = name.LastIndexOf('<');
        var close = name.IndexOf('>', open + 1);
        if (open < 0 || close < 0)
        {
            return name;
        }

        var inner = name[(open + 1)..close];
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        if (bar >= 0)
        {
            inner = inner[..bar];
        }

        return inner.Length == 0 ? name : inner;
    }
}
