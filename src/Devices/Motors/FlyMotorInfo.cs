namespace Hyperion.Devices.Motors;

/// <summary>What a motor's fly scan covers: from <paramref name="StartPosition"/> to <paramref name="EndPosition"/> in <paramref name="TimeForMove"/>.</summary>
/// <param name="StartPosition">Where the constant-velocity part starts.</param>
/// <param name="EndPosition">Where it ends.</param>
/// <param name="TimeForMove">How long the constant-velocity part takes.</param>
public sealed record FlyMotorInfo(double StartPosition, double EndPosition, TimeSpan TimeForMove);
