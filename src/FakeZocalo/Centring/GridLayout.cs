namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// The shape of one grid scan, as ISPyB's <c>GridInfo</c> row for its data collection gives it: what
/// <see cref="GridCompletion"/> needs to know before the per-image results arrive.
/// </summary>
/// <param name="Dcid">The grid's data collection id.</param>
/// <param name="StepsX">Boxes along x (<c>steps_x</c>).</param>
/// <param name="StepsY">Boxes along the grid's second axis (<c>steps_y</c>): y for the first grid, z for the second.</param>
/// <param name="Orientation">Which axis is the fast one.</param>
/// <param name="Snaked">Whether every other row (or column) was acquired in reverse.</param>
public sealed record GridLayout(long Dcid, int StepsX, int StepsY, GridOrientation Orientation, bool Snaked)
{
    /// <summary>Number of frames the grid produces: <c>steps_x × steps_y</c>.</summary>
    public int FrameCount => checked(StepsX * StepsY);

    /// <summary>Pairs the layout with its spot counts, in acquisition order.</summary>
    public GridSpotCounts WithCounts(IReadOnlyList<int> spotCounts) => new(Dcid, StepsX, StepsY, Orientation, Snaked, spotCounts);

    /// <summary>Throws <see cref="CentringInputException"/> when a step count is not positive.</summary>
    /// <param name="path">Prefix for the field names in the error (empty for none).</param>
    internal void Validate(string path)
    {
        if (StepsX <= 0)
        {
            throw new CentringInputException(GridSpotCounts.Join(path, "steps_x"), $"must be positive, got {StepsX}");
        }

        if (StepsY <= 0)
        {
            throw new CentringInputException(GridSpotCounts.Join(path, "steps_y"), $"must be positive, got {StepsY}");
        }

        if (!Enum.IsDefined(Orientation))
        {
            throw new CentringInputException(GridSpotCounts.Join(path, "orientation"), $"unknown orientation {(int)Orientation}");
        }

        if ((long)StepsX * StepsY > int.MaxValue)
        {
            throw new CentringInputException(GridSpotCounts.Join(path, "steps_y"), $"grid of {StepsX} × {StepsY} boxes is too large");
        }
    }
}
