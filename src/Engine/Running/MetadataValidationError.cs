using Hyperion.Engine.Errors;

namespace Hyperion.Engine.Running;

/// <summary>Run metadata was refused; names the key and the rule.</summary>
public sealed class MetadataValidationError : RunEngineException
{
    /// <summary>Creates the error.</summary>
    public MetadataValidationError(string key, string rule)
        : base($"Invalid metadata '{key}': {rule}")
    {
        Key = key;
        Rule = rule;
    }

    /// <summary>The offending key.</summary>
    public string Key { get; }

    /// <summary>The rule it broke.</summary>
    public string Rule { get; }
}
