namespace Hyperion.Devices.Mx.Zebra;

/// <summary>dodal's RotationDirection.multiplier.</summary>
public static class RotationDirectionExtensions
{
    /// <summary>+1 for <see cref="RotationDirection.Positive"/>, -1 for <see cref="RotationDirection.Negative"/>.</summary>
    public static int Multiplier(this RotationDirection direction) => direction == RotationDirection.Positive ? 1 : -1;
}
