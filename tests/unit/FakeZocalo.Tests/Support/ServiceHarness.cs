using Hyperion.FakeZocalo.Client;
using Hyperion.FakeZocalo.Faults;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Transport.InMemory;

namespace Hyperion.FakeZocalo.Tests.Support;

/// <summary>A FakeZocalo on the in-memory bus with scripted analysis and recorded results.</summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private readonly List<FakeZocaloService> _services = [];

    public ServiceHarness(TestCatalog catalog, Func<int, int> spots, ISet<int>? missing = null, TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        Bus = new InMemoryTransport(Time);
        Catalog = catalog;
        Analyser = new ScriptedAnalyser(spots, missing);
        Trigger = new ZocaloTrigger(Bus, "gda2", "i03-control");
    }

    public TimeProvider Time { get; }

    public InMemoryTransport Bus { get; }

    public TestCatalog Catalog { get; }

    public ScriptedAnalyser Analyser { get; }

    public RecordingPublisher Publisher { get; } = new();

    public RecordingCentring Centring { get; } = new();

    public ZocaloFaults Faults { get; } = new();

    public ZocaloTrigger Trigger { get; }

    public IReadOnlyList<FakeZocaloService> Services => _services;

    public async Task<FakeZocaloService> StartAsync(ZocaloServiceOptions? options = null)
    {
        var parts = new ZocaloServiceParts(Catalog, Analyser, Centring, (_, _) => Publisher);
        var service = await FakeZocaloService.StartAsync(Bus, parts, options ?? new ZocaloServiceOptions { ImageConcurrency = 2 }, Faults, Time);
        _services.Add(service);
        return service;
    }

    public async Task StartGridAsync(long dcid, string filename, int start, int frames, int messageIndex) =>
        await Trigger.RunStartAsync(new ZocaloStartInfo(dcid, filename, start, frames, messageIndex));

    public Task WaitForResultsAsync(int count = 1) =>
        Eventually.TrueAsync(() => Publisher.Published.Count >= count, $"{count} published result(s)");

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        await Bus.DisposeAsync();
    }
}
