namespace Hyperion.Cli.Parameters;

/// <summary>Sets a model's <see cref="ExtraFieldPolicy"/>; derived models inherit it.</summary>
/// <param name="policy">The policy.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class ExtraFieldsAttribute(ExtraFieldPolicy policy) : Attribute
{
    /// <summary>The policy.</summary>
    public ExtraFieldPolicy Policy { get; } = policy;
}
