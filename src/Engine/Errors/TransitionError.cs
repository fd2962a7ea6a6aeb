using Hyperion.Engine.Running;

namespace Hyperion.Engine.Errors;

/// <summary>The RunEngine was asked to do something its current state does not allow (e.g. resume while running).</summary>
public sealed class TransitionError : RunEngineException
{
    /// <summary>Creates the error.</summary>
    public TransitionError(RunEngineState from, string attempted)
        : base($"The RunEngine is {from.ToWireName()} and cannot {attempted}.")
    {
        From = from;
        Attempted = attempted;
    }

    /// <summary>The state the RunEngine was in.</summary>
    public RunEngineState From { get; }

    /// <summary>What was attempted.</summary>
    public string Attempted { get; }
}
