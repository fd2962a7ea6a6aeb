using Hyperion.Engine.Errors;

namespace Hyperion.Engine.Running;

/// <summary>Holds the RunEngine's state, enforces bluesky's transition table and reports every change.</summary>
internal sealed class RunEngineStateMachine
{
    private readonly Lock _gate = new();
    private RunEngineState _state = RunEngineState.Idle;

    /// <summary>Raised after every change with (new, old), outside the lock.</summary>
    public event Action<RunEngineState, RunEngineState>? Changed;

    public RunEngineState Current
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public void TransitionTo(RunEngineState next)
    {
        RunEngineState old;
        lock (_gate)
        {
            old = _state;
            if (old == next)
            {
                return;
            }

            if (!RunEngineStates.CanTransition(old, next))
            {
                throw new TransitionError(old, $"move to {next.ToWireName()}");
            }

            _state = next;
        }

        Changed?.Invoke(next, old);
    }

    /// <summary>Moves to <paramref name="next"/> only from one of <paramref name="from"/>; returns whether it did.</summary>
    public bool TryTransition(RunEngineState next, params ReadOnlySpan<RunEngineState> from)
    {
        RunEngineState old;
        lock (_gate)
        {
            old = _state;
            if (!from.Contains(old) || !RunEngineStates.CanTransition(old, next))
            {
                return false;
            }

            _state = next;
        }

        Changed?.Invoke(next, old);
        return true;
    }
}
