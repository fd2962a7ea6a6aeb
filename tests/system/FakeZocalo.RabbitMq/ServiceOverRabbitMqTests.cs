using Hyperion.FakeZocalo.Client;
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
        var publisher = new RecordingPublisher();
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
                var parts = new ZocaloServiceParts(catalog, analyser, new EchoCentring(), (_, _) => publisher);
                services.Add(await FakeZocaloService.StartAsync(transport, parts, new ZocaloServiceOptions { ImageConcurrency = 2 }));
            }

            var trigger = new ZocaloTrigger(transports[0], "gda2", "i03-control");
            await trigger.RunStartAsync(new ZocaloStartInfo(70, "thau_1", 0, 20, 0));
            await trigger.RunStartAsync(new ZocaloStartInfo(71, "thau_1", 20, 15, 1));
            await trigger.RunEndAsync(70);
            await trigger.RunEndAsync(71);

            await Eventually.TrueAsync(() => !publisher.Published.IsEmpty, "the result", TimeSpan.FromSeconds(60));
            var (dcid, dcgid, results) = Assert.Single(publisher.Published);
            Assert.Equal((70L, 7L), (dcid, dcgid));
            var counts = results[0]!["counts"]!.AsArray();
            Assert.Equal(Enumerable.Range(0, 20).Select(f => f * 3 % 7), counts[0]!.AsArray().Select(n => n!.GetValue<int>()));
            Assert.Equal(Enumerable.Range(20, 15).Select(f => f * 3 % 7), counts[1]!.AsArray().Select(n => n!.GetValue<int>()));
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
