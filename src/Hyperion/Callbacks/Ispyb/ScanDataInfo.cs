using Hyperion.FakeZocalo.Ispyb;

namespace Hyperion.Cli.Callbacks.Ispyb;

/// <summary>One data collection's update (mx-bluesky's <c>ScanDataInfo</c>): which dcid (null: a new one), its columns,
/// and optionally a position and a grid.</summary>
/// <param name="DataCollectionId">The dcid to update, or null to insert a new data collection.</param>
/// <param name="DataCollection">The columns to set (only the set ones are written).</param>
/// <param name="Position">A position to record, or null.</param>
/// <param name="Grid">A grid to record, or null.</param>
public sealed record ScanDataInfo(long? DataCollectionId, DataCollectionRow DataCollection, PositionRow? Position = null, GridInfoRow? Grid = null);
