using Hyperion.Devices.Motors;

namespace Hyperion.Cli.Experiments.RobotLoad;

/// <summary>A motor to be homed is further from home than is safe (dodal's MoveTooLarge).</summary>
public sealed class MoveTooLargeException : Exception
{
    /// <summary><paramref name="axis"/> is at <paramref name="position"/>, more than <paramref name="maximumMove"/> from home.</summary>
    public MoveTooLargeException(Motor axis, double maximumMove, double position)
        : base($"{axis?.Name} is at {position}, more than {maximumMove} from where it should be")
    {
        ArgumentNullException.ThrowIfNull(axis);
        Axis = axis;
        MaximumMove = maximumMove;
        Position = position;
    }

    /// <summary>The motor.</summary>
    public Motor Axis { get; }

    /// <summary>The largest move allowed.</summary>
    public double MaximumMove { get; }

    /// <summary>Where the motor is.</summary>
    public double Position { get; }
}
