namespace Hyperion.Devices.Mx.GridScan;

/// <summary>
/// A 3-D fast grid scan (dodal's GridScanParamsThreeD): the x-y grid, then after the omega rotation an x-z grid of
/// z steps starting at (y2 start, z2 start).
/// </summary>
public record GridScanParamsThreeD : GridScanParamsCommon
{
    /// <summary>z2_start_mm.</summary>
    public double Z2StartMm { get; init; } = 0.1;

    /// <summary>y2_start_mm.</summary>
    public double Y2StartMm { get; init; } = 0.1;

    /// <summary>z_step_size_mm.</summary>
    public double ZStepSizeMm { get; init; } = 0.1;

    /// <summary>z_steps.</summary>
    public int ZSteps { get; init; } = 1;

    /// <summary>The z axis of the second grid (z2 start, z step size, z steps).</summary>
    public override GridAxis ZAxis => new(Z2StartMm, ZStepSizeMm, ZSteps);
}
