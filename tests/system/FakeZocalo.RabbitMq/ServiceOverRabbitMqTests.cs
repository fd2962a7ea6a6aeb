using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Client;
using Hyperion.FakeZocalo.Recipes;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Tests.Support;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.RabbitMq;

namespace Hyperion.FakeZocalo.RabbitMq.Tests;

public sealed class ServiceOverRabbitMqTests
{
    [Fact]
    public async Task Three_worker_processes_share_a_grid_scan_and_one_result_comes_back_with_every_frame_counted_once()
    {
        await using var vhost = await BrokerFixture.NewVirtualHostAsync();
        var catalog = TestCatalog.ThreeDimensionalGrid(dcgid: 7, xyDcid: 70, xzDcid: 71, stepsX: 5, stepsY: 4, stepsZ: 3);
        var centring = new RecordingCentring();
        var analysers = new List<ScriptedAnalyser>();
        var transports = new List<RabbitMqTransport>();
        var services = new List<FakeZocaloService>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var transport = await vhost.ConnectAsync();
                transports.Add(transport);
                var analyser = new ScriptedAnalyser(frame => frame * 3 % 7);
                analysers.Add(analyser);
                var parts = new ZocaloServiceParts(catalog, analyser, centring, (broker, topology) => new XrcResultPublisher(broker, topology));
                services.Add(await FakeZocaloService.StartAsync(transport, parts, new ZocaloServiceOptions { ImageConcurrency = 2 }));
            }

            // dodal's ZocaloResults reads xrc.i03: listen there as it does.
            var listener = new RecordingHandler();
            await using var listening = await transports[0].SubscribeAsync(new ZocaloTopology().ResultsQueue, listener.HandleAsync, new SubscriptionOptions());
            var trigger = new ZocaloTrigger(transports[0], "gda2", "i03-control");
            await trigger.RunStartAsync(new ZocaloStartInfo(70, "thau_1", 0, 20, 0));
            await trigger.RunStartAsync(new ZocaloStartInfo(71, "thau_1", 20, 15, 1));
            await trigger.RunEndAsync(70);
            await trigger.RunEndAsync(71);

            await Eventually.TrueAsync(() => !listener.Received.IsEmpty, "the result on xrc.i03", TimeSpan.FromSeconds(60));
            var delivery = Assert.Single(listener.Received);
            Assert.Equal(true, delivery.Headers["workflows-recipe"]);
            Assert.Equal("results", delivery.Exchange);
            Assert.Equal("xrc.i03", delivery.RoutingKey);
            var message = XrcResultsEnvelope.Parse(delivery.Body.Span);
            Assert.Equal((70L, 7L), (message.Dcid, message.Dcgid));
            Assert.Equal("3d", message.Payload.Type);
            Assert.Equal("success", message.Payload.Status);
            var grids = Assert.Single(centring.Inputs);
            Assert.Equal(Enumerable.Range(0, 20).Select(f => f * 3 % 7), grids[0].SpotCounts);
            Assert.Equal(Enumerable.Range(20, 15).Select(f => f * 3 % 7), grids[1].SpotCounts);
            Assert.Equal(XrayCentring.Centre(grids).Results, message.Payload.Results);
            Assert.Equal(35, analysers.Sum(a => a.Jobs.Count));
        }
        finally
        {
            foreach (var service in services)
            {
                await service.DisposeAsync();
            }

            foreach (var transport in transports)
            {
                await transport.DisposeAsync();
            }
        }
    }
}
