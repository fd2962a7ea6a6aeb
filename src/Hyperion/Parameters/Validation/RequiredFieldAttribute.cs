namespace Hyperion.Cli.Parameters;

/// <summary>The field must be present in the document (it has no default). Only the most derived declaration counts,
/// so an override that supplies a default drops the requirement, as a pydantic field redefinition does.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class RequiredFieldAttribute : Attribute;
