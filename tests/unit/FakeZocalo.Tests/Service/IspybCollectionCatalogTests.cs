using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.FakeZocalo.Service;

namespace Hyperion.FakeZocalo.Tests.Service;

public sealed class IspybCollectionCatalogTests
{
    [Fact]
    public async Task Collections_are_read_from_ispyb_with_their_grid_info()
    {
        await using var store = await SqliteIspybStore.OpenInMemoryAsync();
        var session = await store.GetOrCreateSessionAsync("cm1234-67", "i03", default);
        var dcgid = await store.InsertDataCollectionGroupAsync(new DataCollectionGroupRow { SessionId = session, ExperimentType = "Mesh3D" }, default);
        var xy = await store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, ImageDirectory = "/dls/i03/data", NumberOfImages = 12, BlSampleId = 12345 }, default);
        var xz = await store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, ImageDirectory = "/dls/i03/data", NumberOfImages = 8 }, default);
        var rotation = await store.InsertDataCollectionAsync(new DataCollectionRow { DataCollectionGroupId = dcgid, ImageDirectory = "/dls/i03/data", NumberOfImages = 3600 }, default);
        await store.InsertGridInfoAsync(new GridInfoRow { DataCollectionId = xy, StepsX = 4, StepsY = 3, Snaked = true, Orientation = GridOrientation.Horizontal }, default);
        await store.InsertGridInfoAsync(new GridInfoRow { DataCollectionId = xz, StepsX = 4, StepsY = 2, Snaked = false, Orientation = GridOrientation.Vertical }, default);
        var catalog = new IspybCollectionCatalog(store);

        var found = await catalog.FindCollectionAsync(xy);
        Assert.Equal(new CollectionRecord(xy, dcgid, "/dls/i03/data", 12, new GridLayout(xy, 4, 3, GridOrientation.Horizontal, true), 12345), found);
        var group = await catalog.GroupCollectionsAsync(dcgid);
        Assert.Equal([xy, xz, rotation], group.Select(c => c.Dcid));
        Assert.Equal(new GridLayout(xz, 4, 2, GridOrientation.Vertical, false), group[1].Grid);
        Assert.Null(group[2].Grid);
        Assert.Null(await catalog.FindCollectionAsync(999_999));
        Assert.Empty(await catalog.GroupCollectionsAsync(999_999));
    }
}
