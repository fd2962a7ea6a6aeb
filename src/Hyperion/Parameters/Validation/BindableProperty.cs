using System.Reflection;

namespace Hyperion.Cli.Parameters;

/// <summary>A model field as the binder sees it: its property, wire name, whether it is required or may be null,
/// and its rules.</summary>
internal sealed record BindableProperty(
    PropertyInfo Info,
    string JsonName,
    bool Required,
    bool Nullable,
    IReadOnlyList<FieldConstraintAttribute> Constraints);
