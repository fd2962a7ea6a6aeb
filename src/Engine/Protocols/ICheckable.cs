namespace Hyperion.Engine.Protocols;

/// <summary>A movable that can check a value against its limits without moving.</summary>
public interface ICheckable
{
    /// <summary>Throws if <paramref name="value"/> is not allowed, naming the limits.</summary>
    ValueTask CheckValueAsync(object? value, CancellationToken cancellationToken = default);
}
