using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Ispyb;

namespace Hyperion.FakeZocalo.Service;

/// <summary>The service's view of ISPyB: DataCollection rows with their GridInfo, as Zocalo reads them by dcid.</summary>
public sealed class IspybCollectionCatalog(IIspybStore store) : ICollectionCatalog
{
    /// <inheritdoc />
    public async Task<CollectionRecord?> FindCollectionAsync(long dcid, CancellationToken cancellationToken = default)
    {
        var row = await store.GetDataCollectionAsync(dcid, cancellationToken);
        return row is null ? null : await RecordAsync(row, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CollectionRecord>> GroupCollectionsAsync(long dcgid, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DataCollectionRow> rows;
        try
        {
            rows = await store.GetDataCollectionsInGroupAsync(dcgid, cancellationToken);
        }
        catch (IspybRecordNotFoundException)
        {
            // A group ISPyB does not know has nothing to centre.
            return [];
        }

        var records = new List<CollectionRecord>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.DataCollectionId))
        {
            records.Add(await RecordAsync(row, cancellationToken));
        }

        return records;
    }

    private async Task<CollectionRecord> RecordAsync(DataCollectionRow row, CancellationToken cancellationToken)
    {
        var grid = await store.GetGridInfoAsync(row.DataCollectionId, cancellationToken);
        var layout = grid is { StepsX: { } x, StepsY: { } y }
            ? new GridLayout(row.DataCollectionId, x, y, grid.Orientation, grid.Snaked)
            : null;
        return new CollectionRecord(row.DataCollectionId, row.DataCollectionGroupId, row.ImageDirectory ?? string.Empty, row.NumberOfImages ?? 0, layout, row.BlSampleId);
    }
}
