using Hyperion.Devices.Detectors;
using Hyperion.Engine.Messages;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Running;

namespace Hyperion.Devices.Tests.Detectors;

public sealed class StandardDetectorTests : IDisposable
{
    private readonly SimDetectorWriter _writer = new("/data/2026/cm12345-1", height: 4, width: 5, newUid: SequentialUids());
    private readonly SimDetectorController _controller;
    private readonly StandardDetector _detector;

    public StandardDetectorTests()
    {
        _controller = new SimDetectorController(_writer);
        _detector = new StandardDetector(_controller, _writer, name: "eiger");
    }

    public void Dispose() => _controller.Dispose();

    [Fact]
    public async Task Trigger_and_read_in_a_run_emits_a_stream_resource_then_one_datum_per_event()
    {
        using var engine = new RunEngine();
        var documents = new List<Document>();
        await engine.RunAsync(ThreeTriggers(), [(_, doc) => documents.Add(doc)]);

        var resource = Assert.Single(documents.OfType<StreamResource>());
        Assert.Equal("file://localhost/data/2026/cm12345-1/eiger.h5", resource.Uri);
        Assert.Equal("eiger", resource.DataKey);
        var data = documents.OfType<StreamDatum>().ToList();
        Assert.Equal([new StreamRange(0, 1), new StreamRange(1, 2), new StreamRange(2, 3)], data.Select(d => d.Indices));
        Assert.All(data, d => Assert.Equal(resource.Uid, d.StreamResource));
        var descriptor = Assert.Single(documents.OfType<EventDescriptor>());
        Assert.Equal("STREAM:", descriptor.DataKeys["eiger"].External);
        Assert.Equal(3, _controller.Arms);
        Assert.False(_writer.IsOpen);
    }

    [Fact]
    public async Task A_fly_scan_reports_progress_in_frames_and_completes_when_every_event_is_written()
    {
        await _detector.Stage();
        await _detector.Prepare(new TriggerInfo { NumberOfEvents = 5, Livetime = 0 });
        await _detector.Kickoff();
        var status = (WatchableStatus)_detector.Complete();
        var updates = new List<WatcherUpdate>();
        status.Watch(updates.Add);
        await status.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, updates[^1].Current);
        Assert.Equal(5, updates[^1].Target);
        Assert.Equal("frames", updates[^1].Unit);
        Assert.Equal(5, await _detector.GetIndexAsync());
        var docs = new List<Document>();
        await foreach (var doc in _detector.CollectStreamDocsAsync(null))
        {
            docs.Add(doc);
        }

        Assert.Equal(new StreamRange(0, 5), Assert.Single(docs.OfType<StreamDatum>()).Indices);
    }

    [Fact]
    public async Task Summed_exposures_count_as_one_event()
    {
        await _detector.Prepare(new TriggerInfo { NumberOfEvents = 2, ExposuresPerEvent = 3 });
        await _detector.Kickoff();
        await _detector.Complete().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, await _detector.GetIndexAsync());
        Assert.Equal([3, 4, 5], (await _detector.DescribeAsync())["eiger"].Shape);
    }

    [Fact]
    public async Task External_triggering_with_too_little_deadtime_is_refused()
    {
        var slow = new SimDetectorController(_writer) { ReadoutTime = 0.001 };
        using (slow)
        {
            var detector = new StandardDetector(slow, _writer, name: "eiger");
            var error = await Assert.ThrowsAsync<DeadtimeException>(() => detector.PrepareAsync(new TriggerInfo { Trigger = DetectorTrigger.EdgeTrigger, Deadtime = 0.0001, Livetime = 0.01 }));
            Assert.Equal("eiger needs at least 0.001 s of deadtime, but the trigger logic provides only 0.0001 s.", error.Message);
        }
    }

    [Fact]
    public async Task A_detector_that_writes_nothing_times_out()
    {
        var writer = new SimDetectorWriter();
        using var silent = new SimDetectorController(new SimDetectorWriter());
        var detector = new StandardDetector(silent, writer, name: "eiger");
        await detector.PrepareAsync(new TriggerInfo { ExposureTimeout = 0.05 });
        var error = await Assert.ThrowsAsync<TimeoutException>(() => detector.TriggerAsync());
        Assert.Contains("No frame written within 0.05 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_trigger_info_names_the_field()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TriggerInfo { ExposuresPerEvent = 0 }.Validate());
        Assert.Equal("ExposuresPerEvent", error.ParamName);
    }

    private async Plan ThreeTriggers()
    {
        await Stubs.Stage(_detector);
        await Stubs.OpenRun();
        for (var i = 0; i < 3; i++)
        {
            await Stubs.TriggerAndRead([_detector]);
        }

        await Stubs.CloseRun();
        await Stubs.Unstage(_detector);
    }

    private static Func<string> SequentialUids()
    {
        var next = 0;
        return () => $"uid-{++next}";
    }
}
