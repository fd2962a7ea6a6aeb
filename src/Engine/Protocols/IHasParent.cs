namespace Hyperion.Engine.Protocols;

/// <summary>An object that belongs to a parent device.</summary>
public interface IHasParent
{
    /// <summary>The parent device, or null at the root of a device tree.</summary>
    object? Parent { get; }
}
