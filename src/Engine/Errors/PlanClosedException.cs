namespace Hyperion.Engine.Errors;

/// <summary>
/// Python's <c>GeneratorExit</c>: thrown into a plan that is being closed. A plan may run finally blocks
/// that do not yield, but must not yield messages or swallow this exception; wrappers such as
/// <c>Preprocessors.Finalize</c> skip their cleanup plans when they see it.
/// </summary>
public class PlanClosedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PlanClosedException()
        : base("The plan was closed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PlanClosedException(string message)
        : base(message)
    {
    }
}
