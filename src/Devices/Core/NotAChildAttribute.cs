namespace Hyperion.Devices.Core;

/// <summary>Excludes a device-typed property from the tree (a reference to a device owned elsewhere).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAChildAttribute : Attribute;
