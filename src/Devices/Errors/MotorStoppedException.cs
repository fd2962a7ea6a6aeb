namespace Hyperion.Devices.Errors;

/// <summary>A motor move that ended because the motor was stopped.</summary>
public sealed class MotorStoppedException(string motor, double target) : Exception($"{motor}: the move to {target} was stopped.")
{
    /// <summary>The motor's name.</summary>
    public string Motor { get; } = motor;

    /// <summary>Where it was going.</summary>
    public double Target { get; } = target;
}
