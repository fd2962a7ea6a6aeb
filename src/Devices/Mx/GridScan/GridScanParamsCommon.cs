namespace Hyperion.Devices.Mx.GridScan;

/// <summary>
/// The parameters common to every fast grid scan (dodal's GridScanParamsCommon): a 2-D grid of x steps by y steps
/// starting at (x start, y1 start) at z1 start.
/// </summary>
public record GridScanParamsCommon
{
    /// <summary>x_steps.</summary>
    public int XSteps { get; init; } = 1;

    /// <summary>y_steps.</summary>
    public int YSteps { get; init; } = 1;

    /// <summary>x_step_size_mm.</summary>
    public double XStepSizeMm { get; init; } = 0.1;

    /// <summary>y_step_size_mm.</summary>
    public double YStepSizeMm { get; init; } = 0.1;

    /// <summary>x_start_mm.</summary>
    public double XStartMm { get; init; } = 0.1;

    /// <summary>y1_start_mm.</summary>
    public double Y1StartMm { get; init; } = 0.1;

    /// <summary>z1_start_mm.</summary>
    public double Z1StartMm { get; init; } = 0.1;

    /// <summary>set_stub_offsets: whether the plan re-centres the smargon's stubs.</summary>
    public bool SetStubOffsets { get; init; }

    /// <summary>The x axis (x start, x step size, x steps).</summary>
    public GridAxis XAxis => new(XStartMm, XStepSizeMm, XSteps);

    /// <summary>The y axis (y1 start, y step size, y steps).</summary>
    public GridAxis YAxis => new(Y1StartMm, YStepSizeMm, YSteps);

    /// <summary>The z axis: a single step at z1 start for the 2-D grid.</summary>
    public virtual GridAxis ZAxis => new(Z1StartMm, 0, 1);

    /// <summary>The motor positions (x, y, z) of a grid position given in steps.</summary>
    /// <exception cref="GridPositionOutOfBoundsException">A component is outside its axis.</exception>
    public IReadOnlyList<double> GridPositionToMotorPosition(IReadOnlyList<double> gridPosition)
    {
        ArgumentNullException.ThrowIfNull(gridPosition);
        if (gridPosition.Count != 3)
        {
            throw new ArgumentException($"A grid position has 3 components, got {gridPosition.Count}.", nameof(gridPosition));
        }

        if (!XAxis.IsWithin(gridPosition[0]) || !YAxis.IsWithin(gridPosition[1]) || !ZAxis.IsWithin(gridPosition[2]))
        {
            throw new GridPositionOutOfBoundsException(gridPosition);
        }

        return [XAxis.StepsToMotorPosition(gridPosition[0]), YAxis.StepsToMotorPosition(gridPosition[1]), ZAxis.StepsToMotorPosition(gridPosition[2])];
    }
}
