using Hyperion.Cli.Sim;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.FakeZocalo.RabbitMq.Tests;

namespace Hyperion.Twin.Tests;

/// <summary>
/// Hyperion with external callbacks (mx-bluesky's <c>--external-callbacks</c>): on the twin it runs the plan and
/// publishes every document to RabbitMQ; a separate <c>hyperion callbacks</c> process consumes them and does what the
/// in-process callbacks would do, recording the collection in the shared ISPyB file and writing the NeXus master.
/// </summary>
[Collection("hyperion-twin")]
public sealed class ExternalCallbacksThroughRestTests
{
    [Fact]
    public async Task A_rotation_over_rest_is_recorded_in_ispyb_and_nexus_by_the_callbacks_process_fed_over_rabbitmq()
    {
        await using var vhost = await BrokerFixture.NewVirtualHostAsync();
        await using var hyperion = await HyperionOnTwin.StartAsync(PvTransport.InProcess, speed: 4, zocaloBroker: vhost.Options.Uri, externalCallbacks: vhost.Options.Uri);
        await using var callbacks = await CallbacksProcess.StartAsync(
            "--broker", vhost.Options.Uri.ToString(), "--ispyb", hyperion.IspybPath, "--beamline", "s03", "--log-dir", Path.Combine(hyperion.Directory, "callbacks-logs"));
        var data = Path.Combine(hyperion.Directory, "data");

        var answer = await hyperion.PutAsync("/rotation_scan/start", RotationParameters.Json(data, widthDeg: 10, incrementDeg: 0.5, exposureS: 0.1));
        var final = await hyperion.WaitUntilSettledAsync();

        Assert.Equal("Success", (string?)answer["status"]);
        Assert.True((string?)final["status"] == "Idle", $"ended {final.ToJsonString()}");
        Assert.Equal(20, hyperion.Frames.Count);

        // The callbacks process records the run after Hyperion has handed its documents to the broker.
        var ispyb = hyperion.Application.Environment.Ispyb;
        DataCollectionRow? collection = null;
        await HyperionOnTwin.WaitForAsync(
            async () => (collection = await ispyb.GetDataCollectionAsync(1, default)) is { RunStatus: { } status } && status.Contains("success", StringComparison.OrdinalIgnoreCase),
            () => $"the callbacks process to record a successful DataCollection (now {collection?.RunStatus ?? "no row"}):\n{callbacks.Output}");
        Assert.Equal(20, collection!.NumberOfImages);
        Assert.Equal(0.5, collection.AxisRange!.Value, 6);
        Assert.Null(await ispyb.GetDataCollectionAsync(2, default));

        string[] masters = [];
        await HyperionOnTwin.WaitForAsync(
            () => Task.FromResult((masters = Directory.Exists(data) ? Directory.GetFiles(data, "*.nxs") : []).Length > 0),
            () => $"the callbacks process to write the NeXus master beside the data:\n{callbacks.Output}");
        var master = Assert.Single(masters);
        var file = Assert.Single(hyperion.Twin.Eiger.LastFiles);
        Assert.True(File.Exists(Path.Combine(data, file.FileName)), "the data file is beside the master");
        Assert.Contains("Nexus file created at " + master, callbacks.Output, StringComparison.Ordinal);

        Assert.Equal(0, await callbacks.StopAsync());
        Assert.Matches(@"Hyperion callbacks stopping: [1-9]\d* document\(s\) handled, 0 rejected, 0 callback failure\(s\)", callbacks.Output);
    }
}
