namespace Hyperion.Devices.Errors;

/// <summary>A move or fly outside a motor's soft limits or above its maximum speed, refused before anything moves.</summary>
public sealed class MotorLimitsException(string motor, string message) : Exception(message)
{
    /// <summary>The motor's name.</summary>
    public string Motor { get; } = motor;
}
