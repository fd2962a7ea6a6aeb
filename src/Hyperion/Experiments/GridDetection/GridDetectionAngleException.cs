namespace Hyperion.Cli.Experiments.GridDetection;

/// <summary>A grid snapshot was taken at an omega other than 0 or −90/270, where grid detection cannot use it.</summary>
public sealed class GridDetectionAngleException : Exception
{
    /// <summary>The snapshot was at <paramref name="omegaPhaseDeg"/>.</summary>
    public GridDetectionAngleException(double omegaPhaseDeg)
        : base($"Grid detection only works at omegas of 0 or -90 / 270, omega of {omegaPhaseDeg} given.")
    {
        OmegaPhaseDeg = omegaPhaseDeg;
    }

    /// <summary>A bad angle, as <paramref name="message"/> says.</summary>
    public GridDetectionAngleException(string message)
        : base(message)
    {
    }

    /// <summary>A bad angle, as <paramref name="message"/> says, because of <paramref name="innerException"/>.</summary>
    public GridDetectionAngleException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The snapshot's omega phase, degrees.</summary>
    public double OmegaPhaseDeg { get; }
}
