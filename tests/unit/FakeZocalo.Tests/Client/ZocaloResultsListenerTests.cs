using System.Text;
using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Client;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Tests.Support;
using Hyperion.FakeZocalo.Transport.InMemory;
using Microsoft.Extensions.Time.Testing;

namespace Hyperion.FakeZocalo.Tests.Client;

public sealed class ZocaloResultsListenerTests
{
    private static readonly XrcResult Crystal = new([2.5, 3.5, 1.5], [2, 3, 1], 50, 7, 200, new XrcBoundingBox(1, 2, 0, 4, 5, 3), null);

    private static CentringOutcome Found(params XrcResult[] results) => new(CentringOutcome.ThreeD, results);

    [Theory]
    [InlineData(ResultSource.Either, new[] { 1L, 2L })]
    [InlineData(ResultSource.Cpu, new[] { 2L })]
    [InlineData(ResultSource.Gpu, new[] { 1L })]
    public async Task Results_are_taken_in_order_from_the_chosen_source(ResultSource source, long[] expected)
    {
        await using var bus = new InMemoryTransport();
        var topology = new ZocaloTopology();
        await using var listener = await ZocaloResultsListener.StartAsync(bus, topology, source);
        await new XrcResultPublisher(bus, topology, gpu: true).PublishAsync(1, 10, Found(Crystal));
        await new XrcResultPublisher(bus, topology, gpu: false).PublishAsync(2, 20, Found());

        var taken = new List<long>();
        foreach (var _ in expected)
        {
            var message = await listener.WaitForResultsAsync(TimeSpan.FromSeconds(10));
            taken.Add(message.Dcid);
            if (message.Dcid == 1)
            {
                Assert.Equal([Crystal], message.Payload.Results);
            }
            else
            {
                Assert.Empty(message.Payload.Results);
            }
        }

        Assert.Equal(expected, taken);
    }

    [Fact]
    public async Task Waiting_past_the_timeout_throws_naming_the_queue()
    {
        var time = new FakeTimeProvider();
        await using var bus = new InMemoryTransport(time);
        await using var listener = await ZocaloResultsListener.StartAsync(bus, new ZocaloTopology(), time: time);
        var waiting = listener.WaitForResultsAsync(TimeSpan.FromSeconds(60));
        time.Advance(TimeSpan.FromSeconds(61));
        var error = await Assert.ThrowsAsync<ZocaloResultsTimeoutException>(() => waiting);
        Assert.Equal("xrc.i03", error.Queue);
        Assert.Contains("xrc.i03", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"payload\": 1}", true)]
    [InlineData("{}", false)]
    public async Task Malformed_or_unwrapped_results_are_dead_lettered_and_listening_goes_on(string body, bool withHeader)
    {
        await using var bus = new InMemoryTransport();
        var topology = new ZocaloTopology();
        await using var listener = await ZocaloResultsListener.StartAsync(bus, topology);
        var headers = withHeader ? new Dictionary<string, object?> { ["workflows-recipe"] = true } : null;
        await bus.PublishAsync("results", "xrc.i03", Encoding.UTF8.GetBytes(body), headers);
        await Eventually.TrueAsync(() => bus.ReadyCount("dlq.xrc.i03") == 1, "the dead letter");

        await new XrcResultPublisher(bus, topology).PublishAsync(3, 30, Found(Crystal));
        Assert.Equal(3, (await listener.WaitForResultsAsync(TimeSpan.FromSeconds(10))).Dcid);
    }
}
