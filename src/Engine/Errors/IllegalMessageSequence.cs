namespace Hyperion.Engine.Errors;

/// <summary>A message arrived out of order (e.g. 'save' without 'create'); names the command and why.</summary>
public sealed class IllegalMessageSequence : RunEngineException
{
    /// <summary>Creates the error.</summary>
    public IllegalMessageSequence(string command, string reason)
        : base($"Illegal message sequence at '{command}': {reason}")
    {
        Command = command;
        Reason = reason;
    }

    /// <summary>The command that was out of order.</summary>
    public string Command { get; }

    /// <summary>Why it was out of order.</summary>
    public string Reason { get; }
}
