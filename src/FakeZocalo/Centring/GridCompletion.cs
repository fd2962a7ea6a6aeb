using Hyperion.FakeZocalo.Analysis;

namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// Gathers the per-image results of a data collection group's grids until every frame of every grid is in:
/// the "reduce" step of DLS's X-ray centring service. Completion counts distinct frames, not messages, so a
/// redelivered result neither completes a grid early nor counts twice (DLS's service counts messages).
/// Thread-safe: results may arrive on several threads.
/// </summary>
public sealed class GridCompletion
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, GridState> _grids = [];

    /// <summary>Starts gathering for the given grids.</summary>
    /// <param name="dcgid">The data collection group the grids belong to.</param>
    /// <param name="grids">One grid (2D) or two (3D), each with a distinct dcid.</param>
    /// <exception cref="CentringInputException">No grids, more than two, a repeated dcid or an invalid shape.</exception>
    public GridCompletion(long dcgid, IReadOnlyList<GridLayout> grids)
    {
        ArgumentNullException.ThrowIfNull(grids);
        if (grids.Count is < 1 or > 2)
        {
            throw new CentringInputException("grids", $"needs one grid (2D) or two (3D), got {grids.Count}");
        }

        for (var i = 0; i < grids.Count; i++)
        {
            if (grids[i] is null)
            {
                throw new CentringInputException($"grids[{i}]", "missing");
            }

            grids[i].Validate($"grids[{i}]");
            if (!_grids.TryAdd(grids[i].Dcid, new GridState(grids[i])))
            {
                throw new CentringInputException($"grids[{i}].dcid", $"dcid {grids[i].Dcid} appears twice");
            }
        }

        Dcgid = dcgid;
        Grids = [.. grids];
    }

    /// <summary>The data collection group the grids belong to.</summary>
    public long Dcgid { get; }

    /// <summary>The grids being gathered, in the order given.</summary>
    public IReadOnlyList<GridLayout> Grids { get; }

    /// <summary>Whether every frame of every grid has a count.</summary>
    public bool IsComplete
    {
        get
        {
            lock (_gate)
            {
                return _grids.Values.All(g => g.Seen == g.Layout.FrameCount);
            }
        }
    }

    /// <summary>Records one per-image result.</summary>
    /// <param name="dcid">The data collection the frame belongs to.</param>
    /// <param name="fileNumber">The frame's 1-based number within its collection (<c>file-number</c>).</param>
    /// <param name="spotCount">The frame's spot count (<c>n_spots_total</c>).</param>
    /// <returns>Whether the frame was new or a repeat (whose count is ignored).</returns>
    /// <exception cref="CentringInputException">An unknown dcid, a frame outside the grid or a negative count.</exception>
    public FrameAcceptance Add(long dcid, int fileNumber, int spotCount)
    {
        if (spotCount < 0)
        {
            throw new CentringInputException("n_spots_total", $"must not be negative, got {spotCount} (dcid {dcid}, frame {fileNumber})");
        }

        lock (_gate)
        {
            if (!_grids.TryGetValue(dcid, out var grid))
            {
                throw new CentringInputException("dcid", $"{dcid} is not one of this group's grids ({string.Join(", ", _grids.Keys)})");
            }

            if (fileNumber < 1 || fileNumber > grid.Layout.FrameCount)
            {
                throw new CentringInputException(
                    "file-number",
                    $"{fileNumber} is outside grid {dcid}, which has frames 1..{grid.Layout.FrameCount}");
            }

            return grid.Record(fileNumber - 1, spotCount) ? FrameAcceptance.Added : FrameAcceptance.Duplicate;
        }
    }

    /// <summary>Records one per-image result from the per-image analysis.</summary>
    /// <param name="dcid">The data collection the frame belongs to.</param>
    /// <param name="summary">The frame's result: its <c>file-number</c> and <c>n_spots_total</c> are used.</param>
    /// <exception cref="CentringInputException">An unknown dcid, a frame outside the grid or a negative count.</exception>
    public FrameAcceptance Add(long dcid, ImageSpotSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Add(dcid, summary.FileNumber, summary.SpotsTotal);
    }

    /// <summary>How many distinct frames of a grid have arrived.</summary>
    /// <exception cref="CentringInputException">An unknown dcid.</exception>
    public int FramesSeen(long dcid)
    {
        lock (_gate)
        {
            return _grids.TryGetValue(dcid, out var grid)
                ? grid.Seen
                : throw new CentringInputException("dcid", $"{dcid} is not one of this group's grids");
        }
    }

    /// <summary>The gathered counts, one <see cref="GridSpotCounts"/> per grid in the order given.</summary>
    /// <exception cref="CentringInputException">A grid still lacks frames (the field names its dcid).</exception>
    public IReadOnlyList<GridSpotCounts> ToSpotCounts()
    {
        lock (_gate)
        {
            var result = new List<GridSpotCounts>(Grids.Count);
            foreach (var layout in Grids)
            {
                var grid = _grids[layout.Dcid];
                if (grid.Seen != layout.FrameCount)
                {
                    throw new CentringInputException(
                        "dcid",
                        $"grid {layout.Dcid} has {grid.Seen} of {layout.FrameCount} frames; centring needs them all");
                }

                result.Add(layout.WithCounts([.. grid.Counts]));
            }

            return result;
        }
    }
}
