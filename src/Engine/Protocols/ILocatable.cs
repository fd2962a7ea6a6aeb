namespace Hyperion.Engine.Protocols;

/// <summary>A movable that reports its setpoint and readback ('locate').</summary>
public interface ILocatable : IMovable
{
    /// <summary>Returns the setpoint and readback.</summary>
    ValueTask<Location> LocateAsync(CancellationToken cancellationToken = default);
}
