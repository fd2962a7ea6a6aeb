using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Devices.Tests.Mx.Robot;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.Devices.Tests.Mx.Zocalo;

public class ZocaloResultsTests
{
    private static readonly XrcResult Weak = new([1, 2, 3], [1, 2, 3], 2, 3, 10, [[1, 1, 1], [3, 3, 3]]);
    private static readonly XrcResult Strong = new([2.2, 3.5, 4.7], [2, 3, 4], 50, 35, 100, [[1, 2, 3], [4, 5, 6]], 77);

    private static ZocaloResultsMessage Message(bool gpu, params XrcResult[] results) => new(results, new ZocaloRecipeParameters(1234, 5678, gpu));

    private static async Task<(ZocaloResults Zocalo, FakeZocaloSource Source, RecordingLogger Log)> StagedAsync(bool useGpu = false, bool useCpuAndGpu = false, double timeoutS = 5)
    {
        var source = new FakeZocaloSource();
        var log = new RecordingLogger();
        var zocalo = new ZocaloResults(source, zocaloEnvironment: "dev_bluesky", timeout: TimeSpan.FromSeconds(timeoutS), useGpu: useGpu, useCpuAndGpu: useCpuAndGpu, clearQueueWait: TimeSpan.Zero, logger: log);
        await zocalo.ConnectAsync(new DeviceConnectOptions { Mock = true });
        await zocalo.Stage();
        return (zocalo, source, log);
    }

    [Fact]
    public async Task Staging_subscribes_to_the_channel_and_clears_stale_results()
    {
        var source = new FakeZocaloSource();
        var zocalo = new ZocaloResults(source, zocaloEnvironment: "dev_bluesky", timeout: TimeSpan.FromMilliseconds(100), clearQueueWait: TimeSpan.Zero);
        source.OnSubscribe = () => _ = source.PublishAsync(Message(false, Strong));
        await zocalo.Stage();
        Assert.Equal([("dev_bluesky", "xrc.i03")], source.Subscriptions);
        await Assert.ThrowsAsync<NoResultsFromZocaloException>(() => zocalo.Trigger().Task);
    }

    [Fact]
    public async Task Trigger_without_staging_fails_with_no_subscription()
    {
        var zocalo = new ZocaloResults(new FakeZocaloSource());
        var error = await Assert.ThrowsAsync<NoZocaloSubscriptionException>(() => zocalo.TriggerAsync());
        Assert.StartsWith("This device must be staged to subscribe to the Zocalo queue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_publishes_the_crystals_strongest_first_as_arrays()
    {
        var (zocalo, source, log) = await StagedAsync();
        var trigger = zocalo.Trigger();
        await source.PublishAsync(Message(false, Weak, Strong));
        await trigger.WaitAsync(TimeSpan.FromSeconds(10));
        var reading = await zocalo.ReadAsync();
        Assert.Equal(
            ["zocalo-max_voxel", "zocalo-max_count", "zocalo-n_voxels", "zocalo-total_count", "zocalo-centre_of_mass", "zocalo-bounding_box", "zocalo-ispyb_dcid", "zocalo-ispyb_dcgid", "zocalo-sample_id"],
            zocalo.Hints.Fields);
        Assert.Equal(new[] { 50L, 2L }, await zocalo.MaxCount.GetValueAsync());
        Assert.Equal(new[] { 2L, 3, 4, 1, 2, 3 }, await zocalo.MaxVoxel.GetValueAsync());
        Assert.Equal(new[] { 2.2, 3.5, 4.7, 1, 2, 3 }, await zocalo.CentreOfMass.GetValueAsync());
        Assert.Equal(new[] { 1L, 2, 3, 4, 5, 6, 1, 1, 1, 3, 3, 3 }, await zocalo.BoundingBox.GetValueAsync());
        Assert.Equal(new[] { 35L, 3 }, await zocalo.NVoxels.GetValueAsync());
        Assert.Equal(new[] { 100L, 10 }, await zocalo.TotalCount.GetValueAsync());
        Assert.Equal(new[] { 77L, ZocaloResults.NoSampleId }, await zocalo.SampleId.GetValueAsync());
        Assert.Equal(1234, reading["zocalo-ispyb_dcid"].Value);
        Assert.Equal(5678, reading["zocalo-ispyb_dcgid"].Value);
        Assert.Contains(log.Lines, l => l.Message == "Zocalo results from CPU processing: found 2 crystals.");
    }

    [Fact]
    public async Task Each_trigger_records_how_long_zocalo_took_to_answer()
    {
        var source = new FakeZocaloSource();
        var time = new FakeTimeProvider();
        var zocalo = new ZocaloResults(source, clearQueueWait: TimeSpan.Zero, timeout: TimeSpan.FromSeconds(5), timeProvider: time);
        await zocalo.Stage();
        var trigger = zocalo.TriggerAsync();
        time.Advance(TimeSpan.FromSeconds(3.5));
        await source.PublishAsync(Message(false, Strong));
        await trigger.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([TimeSpan.FromSeconds(3.5)], zocalo.ResultWaits);
    }

    [Fact]
    public async Task Another_sort_key_ranks_by_it()
    {
        var source = new FakeZocaloSource();
        var zocalo = new ZocaloResults(source, sortKey: SortKeys.NVoxels, clearQueueWait: TimeSpan.Zero, timeout: TimeSpan.FromSeconds(5));
        await zocalo.Stage();
        var big = Weak with { NVoxels = 99 };
        await source.PublishAsync(Message(false, Strong, big));
        await zocalo.TriggerAsync();
        Assert.Equal(new[] { 99L, 35 }, await zocalo.NVoxels.GetValueAsync());
    }

    [Fact]
    public async Task No_results_in_time_is_no_results_from_zocalo()
    {
        var (zocalo, _, log) = await StagedAsync(timeoutS: 0.05);
        var error = await Assert.ThrowsAsync<NoResultsFromZocaloException>(() => zocalo.TriggerAsync());
        Assert.Equal("Timed out waiting for Zocalo results", error.Message);
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Message == "Timed out waiting for zocalo results!");
    }

    [Fact]
    public async Task An_empty_result_list_is_valid()
    {
        var (zocalo, source, _) = await StagedAsync();
        await source.PublishAsync(Message(false));
        await zocalo.TriggerAsync();
        Assert.Empty(await zocalo.MaxCount.GetValueAsync());
        Assert.Equal(1234, await zocalo.IspybDcid.GetValueAsync());
        Assert.Empty(await zocalo.GetFullProcessingResultsAsync());
    }

    [Fact]
    public async Task By_default_gpu_results_are_ignored()
    {
        var (zocalo, source, _) = await StagedAsync();
        await source.PublishAsync(Message(true, Strong));
        await source.PublishAsync(Message(false, Weak));
        await zocalo.TriggerAsync();
        Assert.Equal(new[] { 2L }, await zocalo.MaxCount.GetValueAsync());
    }

    [Fact]
    public async Task With_use_gpu_the_first_results_are_used_warning_if_cpu_came_first()
    {
        var (zocalo, source, log) = await StagedAsync(useGpu: true);
        await source.PublishAsync(Message(true, Strong));
        await zocalo.TriggerAsync();
        Assert.Equal(new[] { 50L }, await zocalo.MaxCount.GetValueAsync());
        await source.PublishAsync(Message(false, Weak));
        await zocalo.TriggerAsync();
        Assert.Equal(new[] { 2L }, await zocalo.MaxCount.GetValueAsync());
        Assert.Contains(log.Lines, l => l.Message == "Configured to use GPU results but CPU came first, using CPU results.");
    }

    [Fact]
    public async Task With_cpu_and_gpu_the_cpu_results_are_used_and_differences_logged()
    {
        var (zocalo, source, log) = await StagedAsync(useCpuAndGpu: true);
        await source.PublishAsync(Message(true, Strong));
        await source.PublishAsync(Message(false, Weak));
        await zocalo.TriggerAsync();
        Assert.Equal(new[] { 2L }, await zocalo.MaxCount.GetValueAsync());
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Zocalo results from GPU and CPU are not identical.\n Results from GPU: {'centre_of_mass': [2.2, 3.5, 4.7]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_cpu_and_gpu_a_missing_gpu_result_falls_back_to_cpu()
    {
        var (zocalo, source, log) = await StagedAsync(useCpuAndGpu: true, timeoutS: 0.1);
        await source.PublishAsync(Message(false, Weak));
        await zocalo.TriggerAsync();
        Assert.Equal(new[] { 2L }, await zocalo.MaxCount.GetValueAsync());
        Assert.Contains(log.Lines, l => l.Message == "Received zocalo results from CPU before GPU");
        Assert.Contains(log.Lines, l => l.Message == "Zocalo results from GPU timed out. Using results from CPU");
    }

    [Fact]
    public async Task With_cpu_and_gpu_a_missing_cpu_result_is_no_results()
    {
        var (zocalo, source, log) = await StagedAsync(useCpuAndGpu: true, timeoutS: 0.1);
        await source.PublishAsync(Message(true, Strong));
        await Assert.ThrowsAsync<NoResultsFromZocaloException>(() => zocalo.TriggerAsync());
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Error && l.Message == "Zocalo results from CPU timed out and GPU results not yet reliable");
    }

    [Fact]
    public async Task Gpu_and_cpu_and_gpu_together_cannot_be_staged()
    {
        var zocalo = new ZocaloResults(new FakeZocaloSource(), useGpu: true, useCpuAndGpu: true, clearQueueWait: TimeSpan.Zero);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => zocalo.StageAsync());
        Assert.Equal("Cannot compare GPU and CPU results and use GPU results at the same time.", error.Message);
    }

    [Fact]
    public async Task Unstaging_disconnects()
    {
        var (zocalo, source, _) = await StagedAsync();
        Assert.True(zocalo.IsSubscribed);
        await zocalo.Unstage();
        Assert.Equal(1, source.Disconnects);
        Assert.False(zocalo.IsSubscribed);
        await Assert.ThrowsAsync<NoZocaloSubscriptionException>(() => zocalo.TriggerAsync());
    }

    [Fact]
    public async Task Full_processing_results_have_the_centre_of_mass_corrected_by_half_a_box()
    {
        var (zocalo, source, _) = await StagedAsync();
        await source.PublishAsync(Message(false, Weak, Strong));
        await zocalo.TriggerAsync();
        var results = await zocalo.GetFullProcessingResultsAsync();
        Assert.Equal(2, results.Count);
        Assert.Equal([1.7, 3.0, 4.2], results[0].CentreOfMass.Select(c => Math.Round(c, 9)));
        Assert.Equal([0.5, 1.5, 2.5], results[1].CentreOfMass);
        Assert.Equal(77, results[0].SampleId);
        Assert.Null(results[1].SampleId);
        Assert.Equal([3L, 3, 3], results[0].BboxSize());
        Assert.Equal(Strong.MaxVoxel, results[0].MaxVoxel);
    }

    [Fact]
    public void Differences_are_reported_beyond_1e_5_only()
    {
        Assert.Null(ZocaloResults.GetDictDifferences(Weak, ZocaloSource.Cpu, Weak with { CentreOfMass = [1.000001, 2, 3] }, ZocaloSource.Gpu));
        Assert.Equal(
            "Zocalo results from CPU and GPU are not identical.\n Results from CPU: {'centre_of_mass': [1.0, 2.0, 3.0], 'max_voxel': [1, 2, 3], 'max_count': 2, 'n_voxels': 3, 'total_count': 10, 'bounding_box': [[1, 1, 1], [3, 3, 3]]}\n Results from GPU: {'centre_of_mass': [1.0, 2.0, 3.0], 'max_voxel': [1, 2, 3], 'max_count': 3, 'n_voxels': 3, 'total_count': 10, 'bounding_box': [[1, 1, 1], [3, 3, 3]]}",
            ZocaloResults.GetDictDifferences(Weak, ZocaloSource.Cpu, Weak with { MaxCount = 3 }, ZocaloSource.Gpu));
    }

    [Fact]
    public void The_constants_are_dodals()
    {
        Assert.Equal(TimeSpan.FromSeconds(180), ZocaloConstants.DefaultTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), ZocaloConstants.ClearQueueWait);
        Assert.Equal("zocalo reading", ZocaloConstants.ZocaloReadingPlanName);
        Assert.Equal("clear zocalo queue", ZocaloConstants.ZocaloStageGroup);
        Assert.Equal(SortKeys.MaxCount, ZocaloConstants.DefaultSortKey);
        var zocalo = new ZocaloResults(new FakeZocaloSource());
        Assert.Equal(("zocalo", "xrc.i03"), (zocalo.Name, zocalo.Channel));
    }
}
