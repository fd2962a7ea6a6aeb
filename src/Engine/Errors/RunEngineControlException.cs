namespace Hyperion.Engine.Errors;

/// <summary>Thrown into a plan when the RunEngine is told to stop or abort, so that the plan's cleanup runs.</summary>
public abstract class RunEngineControlException : RunEngineException
{
    /// <summary>Creates the control exception.</summary>
    protected RunEngineControlException(string message)
        : base(message)
    {
    }
}
