namespace Hyperion.Devices.Mx.Robot;

/// <summary>Where a sample sits in the robot's dewar: a puck and a pin in it (dodal's SampleLocation).</summary>
/// <param name="Puck">The puck number.</param>
/// <param name="Pin">The pin number within the puck.</param>
public sealed record SampleLocation(int Puck, int Pin)
{
    /// <summary>As the Python dataclass prints it, so log lines read the same as dodal's.</summary>
    public override string ToString() => $"SampleLocation(puck={Puck}, pin={Pin})";
}
