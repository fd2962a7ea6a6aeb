using System.Text;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Faults;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Tests.Support;
using Hyperion.FakeZocalo.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.FakeZocalo.Tests.Service;

public sealed class FakeZocaloServiceTests
{
    private const long Dcgid = 500;
    private const long XyDcid = 1001;
    private const long XzDcid = 1002;

    // A 4×3 XY grid (frames 0..11) and a 4×2 XZ grid (frames 12..19), sharing one file series.
    private static TestCatalog Grids() => TestCatalog.ThreeDimensionalGrid(Dcgid, XyDcid, XzDcid, stepsX: 4, stepsY: 3, stepsZ: 2);

    private static async Task RunThreeDimensionalScanAsync(ServiceHarness zocalo, string filename = "thau_1", bool xzFirst = false)
    {
        if (xzFirst)
        {
            await zocalo.StartGridAsync(XzDcid, filename, 12, 8, messageIndex: 1);
            await zocalo.StartGridAsync(XyDcid, filename, 0, 12, messageIndex: 0);
        }
        else
        {
            await zocalo.StartGridAsync(XyDcid, filename, 0, 12, messageIndex: 0);
            await zocalo.StartGridAsync(XzDcid, filename, 12, 8, messageIndex: 1);
        }

        await zocalo.Trigger.RunEndAsync(XyDcid);
        await zocalo.Trigger.RunEndAsync(XzDcid);
    }

    private static IReadOnlyList<int> Counts(ServiceHarness zocalo, int grid) =>
        Assert.Single(zocalo.Centring.Inputs)[grid].SpotCounts;

    [Fact]
    public async Task A_three_dimensional_grid_gives_one_result_with_both_grids_counts_in_acquisition_order()
    {
        await using var zocalo = new ServiceHarness(Grids(), frame => frame + 1);
        await zocalo.StartAsync();
        await RunThreeDimensionalScanAsync(zocalo);
        await zocalo.WaitForResultsAsync();

        var (dcid, dcgid, outcome) = Assert.Single(zocalo.Publisher.Published);
        Assert.Equal(XyDcid, dcid);
        Assert.Equal(Dcgid, dcgid);
        Assert.Equal(CentringOutcome.ThreeD, outcome.Type);
        Assert.Equal(Enumerable.Range(1, 12), Counts(zocalo, 0));
        Assert.Equal(Enumerable.Range(13, 8), Counts(zocalo, 1));
        Assert.Equal([XyDcid, XzDcid], zocalo.Centring.Inputs.Single().Select(g => g.Dcid));
        Assert.Equal(20, zocalo.Analyser.Jobs.Count);
        Assert.All(zocalo.Analyser.Jobs, job => Assert.Equal("/data", job.Directory));
        Assert.Equal(Enumerable.Range(1, 8), zocalo.Analyser.Jobs.Where(j => j.Dcid == XzDcid).Select(j => j.ImageNumber).Order());
    }

    [Fact]
    public async Task Starts_arriving_out_of_message_index_order_give_the_same_result()
    {
        await using var inOrder = new ServiceHarness(Grids(), frame => frame % 5);
        await inOrder.StartAsync();
        await RunThreeDimensionalScanAsync(inOrder);
        await inOrder.WaitForResultsAsync();

        await using var reversed = new ServiceHarness(Grids(), frame => frame % 5);
        await reversed.StartAsync();
        await RunThreeDimensionalScanAsync(reversed, xzFirst: true);
        await reversed.WaitForResultsAsync();

        Assert.Equal(inOrder.Publisher.Published.Single().Outcome.Results, reversed.Publisher.Published.Single().Outcome.Results);
        Assert.Equal(Counts(inOrder, 0), Counts(reversed, 0));
        Assert.Equal(Counts(inOrder, 1), Counts(reversed, 1));
    }

    [Fact]
    public async Task A_start_waits_for_its_predecessor_in_the_file_series()
    {
        await using var zocalo = new ServiceHarness(Grids(), _ => 1);
        var service = await zocalo.StartAsync();
        await zocalo.StartGridAsync(XzDcid, "thau_1", 12, 8, messageIndex: 1);
        await Eventually.TrueAsync(() => service.Dispatcher!.WaitingStarts == 1, "the second start to wait");
        Assert.Empty(zocalo.Analyser.Jobs);

        await zocalo.StartGridAsync(XyDcid, "thau_1", 0, 12, messageIndex: 0);
        await Eventually.TrueAsync(() => zocalo.Analyser.Jobs.Count == 20, "both grids' frames analysed");
        Assert.Equal(0, service.Dispatcher!.WaitingStarts);
        Assert.Equal(0, zocalo.Bus.ReadyCount(ZocaloTopology.ProcessingRecipe));
    }

    [Fact]
    public async Task A_start_whose_predecessor_never_comes_goes_ahead_after_the_ordering_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var zocalo = new ServiceHarness(Grids(), _ => 1, time: time);
        var service = await zocalo.StartAsync(new ZocaloServiceOptions { OrderingTimeout = TimeSpan.FromSeconds(30), ImageConcurrency = 2 });
        await zocalo.StartGridAsync(XzDcid, "thau_1", 12, 8, messageIndex: 1);
        await Eventually.TrueAsync(() => service.Dispatcher!.WaitingStarts == 1, "the start to wait");
        time.Advance(TimeSpan.FromSeconds(31));
        await Eventually.TrueAsync(() => zocalo.Analyser.Jobs.Count == 8, "the XZ grid's frames analysed after the timeout");
    }

    [Fact]
    public async Task Bad_trigger_messages_are_dead_lettered_and_the_service_carries_on()
    {
        await using var zocalo = new ServiceHarness(Grids(), _ => 2);
        await zocalo.StartAsync();
        await zocalo.Bus.PublishAsync(string.Empty, ZocaloTopology.ProcessingRecipe, Encoding.UTF8.GetBytes("""{"recipes": ["mimas"], "parameters": {"event": "start"}}"""));
        await zocalo.Bus.PublishAsync(string.Empty, ZocaloTopology.ProcessingRecipe, Encoding.UTF8.GetBytes("{not json"));
        await zocalo.Bus.PublishAsync(
            string.Empty,
            ZocaloTopology.ProcessingRecipe,
            Encoding.UTF8.GetBytes("""{"recipes": ["mimas"], "parameters": {"event": "end", "ispyb_dcid": 1001}}"""),
            new Dictionary<string, object?> { ["workflows-recipe"] = true });
        await Eventually.TrueAsync(() => zocalo.Bus.ReadyCount("dlq." + ZocaloTopology.ProcessingRecipe) == 3, "three dead letters");

        await RunThreeDimensionalScanAsync(zocalo);
        await zocalo.WaitForResultsAsync();
    }

    [Fact]
    public async Task A_trigger_for_a_dcid_ispyb_does_not_know_is_dead_lettered()
    {
        await using var zocalo = new ServiceHarness(Grids(), _ => 2);
        await zocalo.StartAsync();
        await zocalo.StartGridAsync(999, "ghost_1", 0, 4, messageIndex: 0);
        await Eventually.TrueAsync(() => zocalo.Bus.ReadyCount("dlq." + ZocaloTopology.ProcessingRecipe) == 1, "the dead letter");
        Assert.Empty(zocalo.Analyser.Jobs);
    }

    [Fact]
    public async Task Frames_that_never_arrive_count_as_no_spots_so_the_result_still_comes()
    {
        await using var zocalo = new ServiceHarness(Grids(), _ => 7, missing: new HashSet<int> { 3, 15 });
        await zocalo.StartAsync();
        await RunThreeDimensionalScanAsync(zocalo);
        await zocalo.WaitForResultsAsync();
        Assert.Single(zocalo.Publisher.Published);
        Assert.Equal(0, Counts(zocalo, 0)[3]);
        Assert.Equal(0, Counts(zocalo, 1)[3]);
        Assert.Equal(7, Counts(zocalo, 0)[2]);
    }

    [Fact]
    public async Task Each_result_names_the_sample_ispyb_says_the_grids_were_of()
    {
        await using var zocalo = new ServiceHarness(TestCatalog.ThreeDimensionalGrid(Dcgid, XyDcid, XzDcid, stepsX: 4, stepsY: 3, stepsZ: 2, sampleId: 12345), frame => frame + 1);
        await zocalo.StartAsync();
        await RunThreeDimensionalScanAsync(zocalo);
        await zocalo.WaitForResultsAsync();

        var results = zocalo.Publisher.Published.Single().Outcome.Results;
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(12345, r.SampleId));
    }

    [Fact]
    public async Task No_diffraction_still_sends_an_empty_result()
    {
        await using var zocalo = new ServiceHarness(Grids(), _ => 0);
        await zocalo.StartAsync();
        await RunThreeDimensionalScanAsync(zocalo);
        await zocalo.WaitForResultsAsync();
        Assert.Empty(zocalo.Publisher.Published.Single().Outcome.Results);
    }

    [Fact]
    public async Task A_rotation_gets_per_image_analysis_but_no_centring_result()
    {
        var catalog = new TestCatalog().Add(new CollectionRecord(2001, 600, "/data", 10, Grid: null));
        await using var zocalo = new ServiceHarness(catalog, _ => 3);
        await zocalo.StartAsync();
        await zocalo.StartGridAsync(2001, "rot_1", 0, 10, messageIndex: 0);
        await zocalo.Trigger.RunEndAsync(2001);
        await Eventually.TrueAsync(() => zocalo.Analyser.Jobs.Count == 10, "ten frames analysed");
        await Eventually.TrueAsync(() => zocalo.Bus.ReadyCount(ZocaloTopology.XrayCentring) == 0 && zocalo.Services[0].Reducer!.OpenGroups == 0, "the reducer to drain");
        Assert.Empty(zocalo.Publisher.Published);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Any_number_of_processes_on_one_bus_give_the_identical_single_result(int processes)
    {
        await using var zocalo = new ServiceHarness(Grids(), frame => (frame * 7) % 11);
        for (var i = 0; i < processes; i++)
        {
            await zocalo.StartAsync();
        }

        await RunThreeDimensionalScanAsync(zocalo);
        await zocalo.WaitForResultsAsync();
        Assert.Single(zocalo.Publisher.Published);
        Assert.Equal(Enumerable.Range(0, 12).Select(f => (f * 7) % 11), Counts(zocalo, 0));
        Assert.Equal(Enumerable.Range(12, 8).Select(f => (f * 7) % 11), Counts(zocalo, 1));
    }

    [Fact]
    public async Task Faults_by_filename_prefix_change_what_is_published()
    {
        await using var zocalo = new ServiceHarness(Grids(), _ => 4);
        zocalo.Faults.Set(new ZocaloFault("dup", ZocaloFaultKind.Duplicate));
        await zocalo.StartAsync();
        await RunThreeDimensionalScanAsync(zocalo, filename: "dup_1");
        await zocalo.WaitForResultsAsync(2);
        Assert.Equal(2, zocalo.Publisher.Published.Count);
    }

    [Theory]
    [InlineData("NO_DIFF_1", 0, XyDcid, Dcgid)]
    [InlineData("MULTI_X_1", 2, XyDcid, Dcgid)]
    [InlineData("wrong_1", 1, XyDcid + 1_000_000, Dcgid + 1_000_000)]
    public async Task Result_altering_faults_publish_their_altered_result(string filename, int results, long dcid, long dcgid)
    {
        await using var zocalo = new ServiceHarness(Grids(), _ => 4);
        zocalo.Faults.Set(new ZocaloFault("wrong", ZocaloFaultKind.WrongDcid));
        await zocalo.StartAsync();
        await RunThreeDimensionalScanAsync(zocalo, filename);
        await zocalo.WaitForResultsAsync();
        var published = zocalo.Publisher.Published.Single();
        Assert.Equal(results, published.Outcome.Results.Count);
        Assert.Equal((dcid, dcgid), (published.Dcid, published.Dcgid));
        if (results == 2)
        {
            var (real, extra) = (published.Outcome.Results[0], published.Outcome.Results[1]);
            Assert.Equal(real.CentreOfMass[0] + 3, extra.CentreOfMass[0]);
            Assert.Equal(real.CentreOfMass[1], extra.CentreOfMass[1]);
            Assert.Equal(real.MaxVoxel[0] + 3, extra.MaxVoxel[0]);
            Assert.Equal(real.BoundingBox!.X1 + 3, extra.BoundingBox!.X1);
        }
    }

    [Fact]
    public async Task No_reply_publishes_nothing_but_settles_the_group()
    {
        await using var zocalo = new ServiceHarness(Grids(), _ => 4);
        zocalo.Faults.Set(new ZocaloFault("silent", ZocaloFaultKind.NoReply));
        var service = await zocalo.StartAsync();
        await RunThreeDimensionalScanAsync(zocalo, "silent_1");
        await Eventually.TrueAsync(() => zocalo.Analyser.Jobs.Count == 20 && service.Reducer!.OpenGroups == 0, "the group to finish");
        Assert.Empty(zocalo.Publisher.Published);
    }

    [Fact]
    public async Task A_late_reply_comes_only_after_its_delay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var zocalo = new ServiceHarness(Grids(), _ => 4, time: time);
        zocalo.Faults.Set(new ZocaloFault("late", ZocaloFaultKind.LateReply, TimeSpan.FromSeconds(20)));
        var service = await zocalo.StartAsync();
        await RunThreeDimensionalScanAsync(zocalo, "late_1");
        await Eventually.TrueAsync(() => service.Reducer!.PendingLateReplies.Count == 1, "the reply to be delayed");
        Assert.Empty(zocalo.Publisher.Published);
        time.Advance(TimeSpan.FromSeconds(21));
        await zocalo.WaitForResultsAsync();
    }

    [Fact]
    public async Task A_group_that_stops_making_progress_is_abandoned_after_the_group_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var zocalo = new ServiceHarness(Grids(), _ => 4, time: time);
        var service = await zocalo.StartAsync(new ZocaloServiceOptions { GroupTimeout = TimeSpan.FromMinutes(5), ImageConcurrency = 2 });
        await zocalo.StartGridAsync(XyDcid, "thau_1", 0, 12, messageIndex: 0);
        await Eventually.TrueAsync(() => zocalo.Analyser.Jobs.Count == 12 && service.Reducer!.OpenGroups == 1, "the XY grid analysed");
        time.Advance(TimeSpan.FromMinutes(6));
        await Eventually.TrueAsync(() => service.Reducer!.OpenGroups == 0, "the group abandoned");
        Assert.Empty(zocalo.Publisher.Published);
    }
}
