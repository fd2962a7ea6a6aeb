using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Service;

namespace Hyperion.FakeZocalo.Tests.Support;

/// <summary>An in-memory stand-in for ISPyB's data collection and GridInfo rows.</summary>
public sealed class TestCatalog : ICollectionCatalog
{
    private readonly Dictionary<long, CollectionRecord> _collections = [];

    public TestCatalog Add(CollectionRecord record)
    {
        lock (_collections)
        {
            _collections[record.Dcid] = record;
        }

        return this;
    }

    /// <summary>A 3D grid scan's group: two grids of <paramref name="stepsX"/>×<paramref name="stepsY"/> and ×<paramref name="stepsZ"/>.</summary>
    public static TestCatalog ThreeDimensionalGrid(long dcgid, long xyDcid, long xzDcid, int stepsX, int stepsY, int stepsZ, bool snaked = true, long? sampleId = null) =>
        new TestCatalog()
            .Add(new CollectionRecord(xyDcid, dcgid, "/data", stepsX * stepsY, new GridLayout(xyDcid, stepsX, stepsY, GridOrientation.Horizontal, snaked), sampleId))
            .Add(new CollectionRecord(xzDcid, dcgid, "/data", stepsX * stepsZ, new GridLayout(xzDcid, stepsX, stepsZ, GridOrientation.Horizontal, snaked), sampleId));

    public Task<CollectionRecord?> FindCollectionAsync(long dcid, CancellationToken cancellationToken = default)
    {
        lock (_collections)
        {
            return Task.FromResult(_collections.GetValueOrDefault(dcid));
        }
    }

    public Task<IReadOnlyList<CollectionRecord>> GroupCollectionsAsync(long dcgid, CancellationToken cancellationToken = default)
    {
        lock (_collections)
        {
            return Task.FromResult<IReadOnlyList<CollectionRecord>>(_collections.Values.Where(c => c.Dcgid == dcgid).OrderBy(c => c.Dcid).ToArray());
        }
    }
}
