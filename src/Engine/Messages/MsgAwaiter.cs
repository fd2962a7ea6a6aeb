using System.Runtime.CompilerServices;
using Hyperion.Engine.Planning;

namespace Hyperion.Engine.Messages;

/// <summary>
/// Awaits a <see cref="Msg"/> inside a plan: the plan suspends, the RunEngine processes the message,
/// and the awaiting expression evaluates to the RunEngine's response (or throws the error it sent in).
/// </summary>
public readonly struct MsgAwaiter : ICriticalNotifyCompletion
{
    internal MsgAwaiter(Msg msg) => Msg = msg;

    internal Msg Msg { get; }

    /// <summary>Always false: a message is only ever answered by the RunEngine.</summary>
    public bool IsCompleted => false;

    /// <summary>Returns the RunEngine's response to the message, or throws the error sent into the plan.</summary>
    public object? GetResult() => PlanCoroutine.TakeResponse();

    /// <summary>Only reached when a message is awaited outside a plan: resumes at once, and <see cref="GetResult"/> explains the mistake.</summary>
    public void OnCompleted(Action continuation) => PlanCoroutine.ResumeMisplacedAwait(continuation);

    /// <inheritdoc cref="OnCompleted"/>
    public void UnsafeOnCompleted(Action continuation) => PlanCoroutine.ResumeMisplacedAwait(continuation);
}
