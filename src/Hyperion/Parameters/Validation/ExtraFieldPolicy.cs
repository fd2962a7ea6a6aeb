namespace Hyperion.Cli.Parameters;

/// <summary>What a model does with fields it does not declare (pydantic's <c>extra</c> setting).</summary>
public enum ExtraFieldPolicy
{
    /// <summary>Drop them (pydantic's default).</summary>
    Ignore,

    /// <summary>Keep them in the model's extension data.</summary>
    Allow,

    /// <summary>Reject each with an <c>extra_forbidden</c> error.</summary>
    Forbid,
}
