namespace Hyperion.Engine.Protocols;

/// <summary>Where a movable was asked to go and where it is.</summary>
/// <param name="Setpoint">The last requested position.</param>
/// <param name="Readback">The current position.</param>
public readonly record struct Location(object? Setpoint, object? Readback);
