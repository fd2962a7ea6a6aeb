namespace Hyperion.Engine.Errors;

/// <summary>The RunEngine has no handler registered for a message's command.</summary>
public sealed class InvalidCommand : RunEngineException
{
    /// <summary>Creates the error naming the unknown command.</summary>
    public InvalidCommand(string command)
        : base($"Unknown command '{command}'. Register it with RunEngine.RegisterCommand, or check its spelling.") =>
        Command = command;

    /// <summary>The unknown command.</summary>
    public string Command { get; }
}
