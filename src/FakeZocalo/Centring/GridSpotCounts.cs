namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// One grid scan's per-image spot counts (<c>n_spots_total</c>), in acquisition order, with the grid's shape.
/// </summary>
/// <param name="Dcid">The grid's data collection id; two grids are ordered by it (XY first).</param>
/// <param name="StepsX">Boxes along x (<c>steps_x</c>).</param>
/// <param name="StepsY">Boxes along the grid's second axis (<c>steps_y</c>): y for the first grid, z for the second.</param>
/// <param name="Orientation">Which axis is the fast one.</param>
/// <param name="Snaked">Whether every other row (or column) was acquired in reverse.</param>
/// <param name="SpotCounts">One count per frame, frame 1 first: exactly <c>steps_x × steps_y</c> of them.</param>
public sealed record GridSpotCounts(
    long Dcid,
    int StepsX,
    int StepsY,
    GridOrientation Orientation,
    bool Snaked,
    IReadOnlyList<int> SpotCounts)
{
    /// <summary>The grid's shape without its counts.</summary>
    public GridLayout Layout => new(Dcid, StepsX, StepsY, Orientation, Snaked);

    /// <summary>
    /// The counts laid out on the grid, indexed <c>[x, y]</c>, with snaking undone: DLS's <c>reshape_grid</c>.
    /// Horizontal grids fill rows (x fastest) and reverse odd rows when snaked; vertical grids fill columns
    /// (y fastest) and reverse odd columns.
    /// </summary>
    /// <exception cref="CentringInputException">The shape or counts are invalid.</exception>
    public int[,] Unsnaked()
    {
        Validate(string.Empty);
        var grid = new int[StepsX, StepsY];
        for (var i = 0; i < SpotCounts.Count; i++)
        {
            int x, y;
            if (Orientation == GridOrientation.Horizontal)
            {
                y = i / StepsX;
                x = i % StepsX;
                if (Snaked && (y & 1) == 1)
                {
                    x = StepsX - 1 - x;
                }
            }
            else
            {
                x = i / StepsY;
                y = i % StepsY;
                if (Snaked && (x & 1) == 1)
                {
                    y = StepsY - 1 - y;
                }
            }

            grid[x, y] = SpotCounts[i];
        }

        return grid;
    }

    /// <summary>Throws <see cref="CentringInputException"/> naming the first bad field.</summary>
    /// <param name="path">Prefix for the field names in the error (empty for none).</param>
    internal void Validate(string path)
    {
        Layout.Validate(path);
        if (SpotCounts is null)
        {
            throw new CentringInputException(Join(path, "spot_counts"), "missing");
        }

        var expected = StepsX * StepsY;
        if (SpotCounts.Count != expected)
        {
            throw new CentringInputException(
                Join(path, "spot_counts"),
                $"has {SpotCounts.Count} counts but the grid of {StepsX} × {StepsY} boxes needs {expected}");
        }

        for (var i = 0; i < SpotCounts.Count; i++)
        {
            if (SpotCounts[i] < 0)
            {
                throw new CentringInputException(Join(path, $"spot_counts[{i}]"), $"must not be negative, got {SpotCounts[i]}");
            }
        }
    }

    internal static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}
