namespace Hyperion.Devices.Core;

/// <summary>Names a child device property differently from its snake_case property name.</summary>
/// <param name="name">The child's name (the part after the parent's name and '-').</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DeviceChildAttribute(string name) : Attribute
{
    /// <summary>The child's name.</summary>
    public string Name { get; } = name;
}
