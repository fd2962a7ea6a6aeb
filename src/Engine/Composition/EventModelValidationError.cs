using Hyperion.Engine.Errors;

namespace Hyperion.Engine.Composition;

/// <summary>A document broke one of event-model's rules (mismatched keys, a second RunStop, a reused stream name...).</summary>
public sealed class EventModelValidationError : RunEngineException
{
    /// <summary>Creates the error.</summary>
    public EventModelValidationError(string message)
        : base(message)
    {
    }
}
