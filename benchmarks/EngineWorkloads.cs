using Hyperion.Engine.Composition;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Messages;
using Hyperion.Engine.PlanLibrary;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Running;
using Hyperion.Engine.Simulation;

namespace Hyperion.Benchmarks;

/// <summary>The plans and set-ups both the quick mode and BenchmarkDotNet measure, so the two agree.</summary>
public static class EngineWorkloads
{
    /// <summary>A plan of <paramref name="n"/> fresh 'null' messages.</summary>
    public static async Plan NullMessages(int n)
    {
        for (var i = 0; i < n; i++)
        {
            await new Msg(Commands.Null);
        }
    }

    /// <summary>bluesky's count: open_run, then per point a checkpoint and trigger_and_read, then close_run.</summary>
    public static Plan Count(IReadOnlyList<IReadable> detectors, int n) => Plans.Count(detectors, n);

    /// <summary>bluesky's scan of one motor from 0 to 1 in <paramref name="n"/> points.</summary>
    public static Plan Scan(IReadOnlyList<IReadable> detectors, SynAxis motor, int n) => Plans.Scan(detectors, [(motor, 0.0, 1.0)], n);

    /// <summary>A RunEngine with one subscriber that keeps every document.</summary>
    public static (RunEngine Engine, List<Document> Documents) EngineWithCollector(bool validate)
    {
        var engine = new RunEngine(new RunEngineOptions { ValidateDocuments = validate });
        var documents = new List<Document>();
        engine.Subscribe((_, doc) => documents.Add(doc));
        return (engine, documents);
    }

    /// <summary>A composer with one stream of two data keys, for the event composition workload.</summary>
    public static (RunComposer Composer, ComposedStream Stream) Composer(bool validate)
    {
        var composer = new RunComposer(new Dictionary<string, object?>(), DocumentClock.Default, validate);
        var stream = composer.ComposeDescriptor("primary", new Dictionary<string, DataKey>
        {
            ["det"] = DataKey.Number("SIM:det"),
            ["motor"] = DataKey.Number("SIM:motor"),
        });
        return (composer, stream);
    }

    /// <summary>Composes one event with fresh data and timestamp dictionaries.</summary>
    public static Event ComposeOne(RunComposer composer, ComposedStream stream, double value) =>
        composer.ComposeEvent(
            stream,
            new Dictionary<string, object?>(2, StringComparer.Ordinal) { ["det"] = value, ["motor"] = value },
            new Dictionary<string, double>(2, StringComparer.Ordinal) { ["det"] = 1.0, ["motor"] = 1.0 });
}
