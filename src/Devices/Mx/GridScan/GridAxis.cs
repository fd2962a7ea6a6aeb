namespace Hyperion.Devices.Mx.GridScan;

/// <summary>One axis of a grid (dodal's GridAxis): where it starts, the step size and the number of steps.</summary>
/// <param name="Start">The motor position of step 0 (mm).</param>
/// <param name="StepSizeMm">The distance between steps (mm).</param>
/// <param name="FullSteps">The number of steps.</param>
public sealed record GridAxis(double Start, double StepSizeMm, int FullSteps)
{
    /// <summary>The motor position of the last step.</summary>
    public double End => StepsToMotorPosition(FullSteps - 1);

    /// <summary>start + step size · <paramref name="steps"/>.</summary>
    public double StepsToMotorPosition(double steps) => Start + (StepSizeMm * steps);

    /// <summary>Whether <paramref name="steps"/> lies within the grid: -0.5 ≤ steps ≤ full steps - 0.5.</summary>
    public bool IsWithin(double steps) => steps >= -0.5 && steps <= FullSteps - 0.5;
}
