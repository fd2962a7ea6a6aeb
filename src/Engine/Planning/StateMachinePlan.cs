using System.Runtime.CompilerServices;

namespace Hyperion.Engine.Planning;

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

    // The compiler names the state machine of method Count "<Count>d__3", and of a local function Scan inside
    // method Outer "<<Outer>g__Scan|4_0>d".
    private static string NameOf(Type stateMachine)
    {
        var name = stateMachine.Name;
        var local = name.LastIndexOf("g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            var rest = name[(local + 3)..];
            var end = rest.IndexOfAny(['|', '>']);
            return end > 0 ? rest[..end] : rest;
        }

        var open = name.IndexOf('<', StringComparison.Ordinal);
        var close = name.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open + 1 ? name[(open + 1)..close] : name;
    }
}
