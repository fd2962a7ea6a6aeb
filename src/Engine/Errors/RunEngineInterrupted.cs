using Hyperion.Engine.Running;

namespace Hyperion.Engine.Errors;

/// <summary>
/// Thrown by <c>RunEngine.RunAsync</c> and <c>ResumeAsync</c> when the run was interrupted (paused, stopped,
/// aborted or halted), as bluesky's RunEngine raises it. <see cref="Result"/> holds what is known so far.
/// </summary>
public sealed class RunEngineInterrupted : RunEngineException
{
    /// <summary>Creates the exception.</summary>
    public RunEngineInterrupted(string message, RunEngineResult result)
        : base(message) => Result = result;

    /// <summary>The result at the moment of interruption.</summary>
    public RunEngineResult Result { get; }
}
