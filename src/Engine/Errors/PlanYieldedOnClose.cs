using Hyperion.Engine.Messages;

namespace Hyperion.Engine.Errors;

/// <summary>A plan yielded a message while it was being closed (Python's "generator ignored GeneratorExit").</summary>
public sealed class PlanYieldedOnClose : RunEngineException
{
    /// <summary>Creates the error naming the plan and the message it tried to yield.</summary>
    public PlanYieldedOnClose(string planName, Msg message)
        : base($"Plan '{planName}' yielded {message} while being closed. A closed plan must not yield; " +
               "move cleanup that needs messages into Preprocessors.Finalize.") => YieldedMessage = message;

    /// <summary>The message the plan tried to yield.</summary>
    public Msg YieldedMessage { get; }
}
