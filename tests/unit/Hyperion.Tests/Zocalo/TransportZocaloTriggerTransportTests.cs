using System.Text.Json.Nodes;
using System.Threading.Channels;
using Hyperion.Cli.Zocalo;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.InMemory;

namespace Hyperion.Cli.Tests.Zocalo;

public sealed class TransportZocaloTriggerTransportTests
{
    [Fact]
    public async Task Dodals_trigger_sends_its_recipe_message_to_processing_recipe_with_its_headers()
    {
        await using var transport = new InMemoryTransport();
        await new ZocaloTopology().DeclareAsync(transport);
        var received = Channel.CreateUnbounded<TransportMessage>();
        await using var subscription = await transport.SubscribeAsync(
            ZocaloTopology.ProcessingRecipe,
            async (m, ct) =>
            {
                await received.Writer.WriteAsync(m, ct);
                return MessageDisposition.Ack;
            },
            new SubscriptionOptions());

        var trigger = new ZocaloTrigger(new TransportZocaloTriggerTransport(transport), "dev_artemis");
        await trigger.RunStartAsync(new ZocaloStartInfo(1234, "/data/grid_1", 0, 20, 0));

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var message = await received.Reader.ReadAsync(limit.Token);
        var body = JsonNode.Parse(message.BodyText)!;
        Assert.Equal("mimas", body["recipes"]![0]!.GetValue<string>());
        Assert.Equal("start", body["parameters"]!["event"]!.GetValue<string>());
        Assert.Equal(1234, body["parameters"]!["ispyb_dcid"]!.GetValue<int>());
        Assert.NotNull(message.HeaderText("zocalo.go.user"));
        Assert.NotNull(message.HeaderText("zocalo.go.host"));
    }
}
