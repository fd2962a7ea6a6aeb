namespace Hyperion.SimBeamline.Database;

/// <summary>
/// The motion parameters a twin motor record starts with: speeds and ramps of a typical beamline stage, soft limits
/// wide enough for every dodal position in the bundled beamline parameters.
/// </summary>
public sealed record MotorDefaults
{
    /// <summary>Engineering units.</summary>
    public string Units { get; init; } = "mm";

    /// <summary>Display precision.</summary>
    public int Precision { get; init; } = 4;

    /// <summary>Motor resolution (mm per step).</summary>
    public double Resolution { get; init; } = 0.0001;

    /// <summary>Velocity (units/s).</summary>
    public double Velocity { get; init; } = 5;

    /// <summary>Maximum velocity (units/s).</summary>
    public double MaxVelocity { get; init; } = 50;

    /// <summary>Seconds to reach the velocity.</summary>
    public double Acceleration { get; init; } = 0.1;

    /// <summary>Dial high limit.</summary>
    public double HighLimit { get; init; } = 10000;

    /// <summary>Dial low limit.</summary>
    public double LowLimit { get; init; } = -10000;
}
