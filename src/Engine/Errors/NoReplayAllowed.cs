namespace Hyperion.Engine.Errors;

/// <summary>Raised by a device's pause to say that the plan cannot be rewound and replayed.</summary>
public sealed class NoReplayAllowed : RunEngineException
{
    /// <summary>Creates the error, saying why replay is impossible.</summary>
    public NoReplayAllowed(string message)
        : base(message)
    {
    }
}
