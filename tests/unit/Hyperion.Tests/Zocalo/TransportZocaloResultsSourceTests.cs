using System.Text;
using System.Threading.Channels;
using Hyperion.Cli.Zocalo;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Recipes;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.InMemory;

namespace Hyperion.Cli.Tests.Zocalo;

public sealed class TransportZocaloResultsSourceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Results_published_by_zocalo_reach_the_device_as_dodal_reads_them()
    {
        await using var transport = new InMemoryTransport();
        var topology = new ZocaloTopology();
        await topology.DeclareAsync(transport);
        var received = Channel.CreateUnbounded<ZocaloResultsMessage>();
        var source = new TransportZocaloResultsSource(transport);
        await using var subscription = await source.SubscribeAsync("dev_artemis", topology.ResultsQueue, (m, ct) => received.Writer.WriteAsync(m, ct).AsTask());

        var crystal = new Hyperion.FakeZocalo.Centring.XrcResult([1.5, 2.5, 3.5], [1, 2, 3], 120, 7, 900, new XrcBoundingBox(1, 2, 3, 4, 5, 6), 42);
        var publisher = new XrcResultPublisher(transport, topology, gpu: false);
        await publisher.PublishAsync(11, 22, new CentringOutcome(CentringOutcome.ThreeD, [crystal]));

        using var limit = new CancellationTokenSource(Timeout);
        var message = await received.Reader.ReadAsync(limit.Token);
        Assert.Equal(new ZocaloRecipeParameters(11, 22, Gpu: false), message.RecipeParameters);
        var result = Assert.Single(message.Results);
        Assert.Equal([1.5, 2.5, 3.5], result.CentreOfMass);
        Assert.Equal([1L, 2, 3], result.MaxVoxel);
        Assert.Equal((120, 7, 900), (result.MaxCount, result.NVoxels, result.TotalCount));
        Assert.Equal([1L, 2, 3], result.BoundingBox[0]);
        Assert.Equal([4L, 5, 6], result.BoundingBox[1]);
        Assert.Equal(42, result.SampleId);
    }

    [Fact]
    public async Task A_malformed_results_message_is_dead_lettered_and_the_next_one_still_arrives()
    {
        await using var transport = new InMemoryTransport();
        var topology = new ZocaloTopology();
        await topology.DeclareAsync(transport);
        var received = Channel.CreateUnbounded<ZocaloResultsMessage>();
        var source = new TransportZocaloResultsSource(transport);
        await using var subscription = await source.SubscribeAsync("dev_artemis", topology.ResultsQueue, (m, ct) => received.Writer.WriteAsync(m, ct).AsTask());

        await transport.PublishAsync(string.Empty, topology.ResultsQueue, Encoding.UTF8.GetBytes("{\"payload\": 3}"));
        await new XrcResultPublisher(transport, topology, gpu: false).PublishAsync(5, 6, new CentringOutcome(CentringOutcome.ThreeD, []));

        using var limit = new CancellationTokenSource(Timeout);
        var message = await received.Reader.ReadAsync(limit.Token);
        Assert.Equal(5, message.RecipeParameters.Dcid);
        Assert.Empty(message.Results);
    }
}
