namespace Hyperion.Engine.Errors;

/// <summary>The RunEngine is panicked after an unrecoverable failure and must be recreated.</summary>
public sealed class RunEnginePanicked : RunEngineException
{
    /// <summary>Creates the error.</summary>
    public RunEnginePanicked()
        : base("The RunEngine is panicked and cannot be recovered. Create a new RunEngine.")
    {
    }
}
