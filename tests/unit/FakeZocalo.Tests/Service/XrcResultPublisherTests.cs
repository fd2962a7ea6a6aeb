using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Recipes;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Tests.Support;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.InMemory;

namespace Hyperion.FakeZocalo.Tests.Service;

public sealed class XrcResultPublisherTests
{
    [Theory]
    [InlineData("i03", true)]
    [InlineData("i04", false)]
    public async Task Results_go_to_the_results_exchange_on_the_channel_in_their_recipe_envelope(string channel, bool gpu)
    {
        await using var bus = new InMemoryTransport();
        var topology = new ZocaloTopology { Channel = channel };
        await topology.DeclareAsync(bus);
        var listener = new RecordingHandler();
        await using var listening = await bus.SubscribeAsync("xrc." + channel, listener.HandleAsync, new SubscriptionOptions());
        var result = new XrcResult([1.5, 2.5, 3.5], [1, 2, 3], 12, 4, 40, new XrcBoundingBox(0, 1, 2, 3, 4, 5), null);

        await new XrcResultPublisher(bus, topology, gpu).PublishAsync(11, 22, new CentringOutcome(CentringOutcome.ThreeD, [result]));

        await Eventually.TrueAsync(() => listener.Received.Count == 1, "the result");
        var delivery = listener.Received.Single();
        Assert.Equal(("results", "xrc." + channel), (delivery.Exchange, delivery.RoutingKey));
        Assert.Equal(true, delivery.Headers["workflows-recipe"]);
        var message = XrcResultsEnvelope.Parse(delivery.Body.Span);
        Assert.Equal((11L, 22L, gpu), (message.Dcid, message.Dcgid, message.Gpu));
        Assert.Equal("xrc." + channel, message.Channel);
        Assert.Equal([result], message.Payload.Results);
    }
}
