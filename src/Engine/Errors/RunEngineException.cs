namespace Hyperion.Engine.Errors;

/// <summary>Base of the RunEngine's own errors.</summary>
public class RunEngineException : Exception
{
    /// <summary>Creates the error with a message.</summary>
    public RunEngineException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and its cause.</summary>
    public RunEngineException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
