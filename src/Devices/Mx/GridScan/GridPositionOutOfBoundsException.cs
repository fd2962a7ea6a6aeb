namespace Hyperion.Devices.Mx.GridScan;

/// <summary>A grid position outside the grid (dodal raises IndexError).</summary>
public sealed class GridPositionOutOfBoundsException : Exception
{
    /// <summary>Creates the exception for <paramref name="gridPosition"/>.</summary>
    public GridPositionOutOfBoundsException(IReadOnlyList<double> gridPosition)
        : base($"[{string.Join(", ", (gridPosition ?? []).Select(PythonFormat.Float))}] is outside the bounds of the grid")
    {
        GridPosition = gridPosition ?? [];
    }

    /// <summary>The position asked for, in grid steps (x, y, z).</summary>
    public IReadOnlyList<double> GridPosition { get; }
}
