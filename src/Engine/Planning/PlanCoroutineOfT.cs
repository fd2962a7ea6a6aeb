using System.Runtime.CompilerServices;
using Hyperion.Engine.Messages;

namespace Hyperion.Engine.Planning;

/// <summary>
/// The plan behind an <c>async Plan</c> method: drives the compiler's state machine one message at a time
/// and delegates to awaited sub-plans (Python's <c>yield from</c>) until they finish.
/// </summary>
/// <typeparam name="T">The plan's return type.</typeparam>
internal abstract class PlanCoroutine<T> : Plan<T>
{
    private Suspension _suspension;
    private Msg? _yielded;
    private Plan? _child;

    /// <summary>Runs the state machine to its next await or to its end.</summary>
    protected abstract void MoveNextBody();

    /// <inheritdoc />
    public sealed override PlanStep Advance(object? response, Exception? error)
    {
        switch (State)
        {
            case PlanState.Completed:
                return AfterCompletion(error);
            case PlanState.NotStarted:
                MarkStarted();
                if (error is not null)
                {
                    // As with a just-started generator: the exception is raised before any of the body runs.
                    MarkFaulted(error);
                    return PlanStep.Fault(error);
                }

                return Resume(null, null);
            default:
                if (_suspension == Suspension.OnChild)
                {
                    var step = _child!.Advance(response, error);
                    return step.Kind == PlanStepKind.Yielded ? step : Resume(null, null);
                }

                return Resume(response, error);
        }
    }

    internal void OnAwait<TAwaiter>(ref TAwaiter awaiter)
    {
        if (typeof(TAwaiter) == typeof(MsgAwaiter))
        {
            _yielded = Unsafe.As<TAwaiter, MsgAwaiter>(ref awaiter).Msg;
            _suspension = Suspension.OnMessage;
        }
        else if (awaiter is Plan child)
        {
            _child = child;
            _suspension = Suspension.OnChild;
        }
        else
        {
            throw PlanCoroutine.UnsupportedAwait(typeof(TAwaiter), Name);
        }
    }

    internal void OnReturn(T result) => MarkReturned(result);

    internal void OnFault(Exception error) => MarkFaulted(error);

    private PlanStep Resume(object? response, Exception? error)
    {
        while (true)
        {
            PendingResponse = response;
            PendingError = error;
            _suspension = Suspension.None;
            _yielded = null;
            _child = null;

            var previous = PlanCoroutine.Enter(this);
            try
            {
                MoveNextBody();
            }
            finally
            {
                PlanCoroutine.Exit(previous);
            }

            switch (_suspension)
            {
                case Suspension.OnMessage:
                    return PlanStep.Yield(_yielded!);
                case Suspension.OnChild:
                    var step = _child!.Advance(null, null);
                    if (step.Kind == PlanStepKind.Yielded)
                    {
                        return step;
                    }

                    // The sub-plan finished at once; the body reads its outcome from the awaited plan itself.
                    response = null;
                    error = null;
                    continue;
                default:
                    return Exception is null ? PlanStep.Returned : PlanStep.Fault(Exception);
            }
        }
    }
}
