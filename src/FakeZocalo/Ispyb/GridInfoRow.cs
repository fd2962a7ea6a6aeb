using Hyperion.FakeZocalo.Centring;

namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>A row of ISPyB's <c>GridInfo</c>: what Zocalo's X-ray centring reads about a grid scan.</summary>
public sealed record GridInfoRow
{
    /// <summary><c>gridInfoId</c>; ignored on insert.</summary>
    public long GridInfoId { get; init; }

    /// <summary><c>dataCollectionId</c>: the grid's collection; required on insert.</summary>
    public long DataCollectionId { get; init; }

    /// <summary><c>dataCollectionGroupId</c>: filled from the collection on insert.</summary>
    public long? DataCollectionGroupId { get; init; }

    /// <summary><c>dx_mm</c>: box width along x, mm.</summary>
    public double? DxMm { get; init; }

    /// <summary><c>dy_mm</c>: box height along the grid's second axis, mm.</summary>
    public double? DyMm { get; init; }

    /// <summary><c>steps_x</c>.</summary>
    public int? StepsX { get; init; }

    /// <summary><c>steps_y</c>.</summary>
    public int? StepsY { get; init; }

    /// <summary><c>micronsPerPixelX</c>: OAV scale, µm per pixel.</summary>
    public double? MicronsPerPixelX { get; init; }

    /// <summary><c>micronsPerPixelY</c>: OAV scale, µm per pixel.</summary>
    public double? MicronsPerPixelY { get; init; }

    /// <summary><c>snapshot_offsetXPixel</c>: the grid's top-left corner on the snapshot, pixels.</summary>
    public double? SnapshotOffsetXPixel { get; init; }

    /// <summary><c>snapshot_offsetYPixel</c>: the grid's top-left corner on the snapshot, pixels.</summary>
    public double? SnapshotOffsetYPixel { get; init; }

    /// <summary><c>orientation</c>: <c>horizontal</c> (ISPyB's default) or <c>vertical</c>.</summary>
    public GridOrientation Orientation { get; init; } = GridOrientation.Horizontal;

    /// <summary><c>snaked</c>.</summary>
    public bool Snaked { get; init; }

    /// <summary><c>recordTimeStamp</c>: when the row was written; set by the store.</summary>
    public DateTime? RecordTimeStamp { get; init; }
}
