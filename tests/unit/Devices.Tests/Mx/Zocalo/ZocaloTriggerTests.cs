using Hyperion.Devices.Mx.Zocalo;

namespace Hyperion.Devices.Tests.Mx.Zocalo;

public class ZocaloTriggerTests
{
    private sealed class RecordingTransport : IZocaloTriggerTransport
    {
        public List<(string Environment, string Destination, ZocaloRecipeMessage Message, IReadOnlyDictionary<string, string> Headers)> Sent { get; } = [];

        public Task SendAsync(string environment, string destination, ZocaloRecipeMessage message, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken = default)
        {
            Sent.Add((environment, destination, message, headers));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Run_start_sends_the_start_info_to_the_mimas_recipe()
    {
        var transport = new RecordingTransport();
        var trigger = new ZocaloTrigger(transport, "dev_bluesky");
        await trigger.RunStartAsync(new ZocaloStartInfo(1234, "/dev/shm/eiger/test_1", 0, 100, 0));
        var (environment, destination, message, headers) = Assert.Single(transport.Sent);
        Assert.Equal(("dev_bluesky", "processing_recipe"), (environment, destination));
        Assert.Equal(
            """{"recipes":["mimas"],"parameters":{"ispyb_dcid":1234,"filename":"/dev/shm/eiger/test_1","start_frame_index":0,"number_of_frames":100,"message_index":0,"event":"start"}}""",
            message.ToJson());
        Assert.Equal("start", message["event"]);
        Assert.Equal(["zocalo.go.host", "zocalo.go.user"], headers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ZocaloTrigger.GetZocaloHeaders(), (headers["zocalo.go.user"], headers["zocalo.go.host"]));
    }

    [Fact]
    public async Task Run_start_without_a_filename_sends_null()
    {
        var transport = new RecordingTransport();
        await new ZocaloTrigger(transport, "bluesky").RunStartAsync(new ZocaloStartInfo(1, null, 5, 10, 1));
        Assert.Contains("\"filename\":null", transport.Sent[0].Message.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_end_sends_the_end_event_for_the_collection()
    {
        var transport = new RecordingTransport();
        await new ZocaloTrigger(transport, "bluesky").RunEndAsync(1234);
        Assert.Equal("""{"recipes":["mimas"],"parameters":{"event":"end","ispyb_dcid":1234}}""", transport.Sent[0].Message.ToJson());
    }

    [Fact]
    public void The_start_info_prints_as_the_dataclass()
    {
        Assert.Equal(
            "ZocaloStartInfo(ispyb_dcid=1, filename='f', start_frame_index=0, number_of_frames=10, message_index=2)",
            new ZocaloStartInfo(1, "f", 0, 10, 2).ToString());
    }
}
