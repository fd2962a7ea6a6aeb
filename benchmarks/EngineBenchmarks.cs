using BenchmarkDotNet.Attributes;
using Hyperion.Engine.Composition;
using Hyperion.Engine.Running;
using Hyperion.Engine.Simulation;

namespace Hyperion.Benchmarks;

/// <summary>BenchmarkDotNet versions of the quick workloads (run with <c>-- --filter *</c>).</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private RunComposer _composer = null!;
    private ComposedStream _stream = null!;
    private RunComposer _validatingComposer = null!;
    private ComposedStream _validatingStream = null!;

    /// <summary>Messages or points per operation.</summary>
    [Params(10_000)]
    public int N { get; set; }

    /// <summary>Prepares the composers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_composer, _stream) = EngineWorkloads.Composer(validate: false);
        (_validatingComposer, _validatingStream) = EngineWorkloads.Composer(validate: true);
    }

    /// <summary>N null messages through the RunEngine.</summary>
    [Benchmark]
    public async Task NullMessages()
    {
        using var engine = new RunEngine();
        await engine.RunAsync(EngineWorkloads.NullMessages(N));
    }

    /// <summary>count of N points with one detector and one collecting subscriber.</summary>
    [Benchmark]
    public async Task Count()
    {
        var (engine, _) = EngineWorkloads.EngineWithCollector(validate: false);
        using (engine)
        {
            await engine.RunAsync(EngineWorkloads.Count([new SynGauss("det")], N));
        }
    }

    /// <summary>count of N points with document validation on.</summary>
    [Benchmark]
    public async Task CountValidated()
    {
        var (engine, _) = EngineWorkloads.EngineWithCollector(validate: true);
        using (engine)
        {
            await engine.RunAsync(EngineWorkloads.Count([new SynGauss("det")], N));
        }
    }

    /// <summary>scan of a soft motor over N points.</summary>
    [Benchmark]
    public async Task Scan()
    {
        var (engine, _) = EngineWorkloads.EngineWithCollector(validate: true);
        using (engine)
        {
            var motor = new SynAxis("motor");
            await engine.RunAsync(EngineWorkloads.Scan([new SynGauss("det", motor)], motor, N));
        }
    }

    /// <summary>Composing N events without validation.</summary>
    [Benchmark]
    public void ComposeEvents()
    {
        for (var i = 0; i < N; i++)
        {
            EngineWorkloads.ComposeOne(_composer, _stream, i);
        }
    }

    /// <summary>Composing N events with event-model's key checks.</summary>
    [Benchmark]
    public void ComposeEventsValidated()
    {
        for (var i = 0; i < N; i++)
        {
            EngineWorkloads.ComposeOne(_validatingComposer, _validatingStream, i);
        }
    }
}
