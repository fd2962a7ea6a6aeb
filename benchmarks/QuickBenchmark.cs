using System.Diagnostics;
using System.Text.Json;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Running;
using Hyperion.Engine.Simulation;

namespace Hyperion.Benchmarks;

/// <summary>
/// The quick mode: each workload is warmed up, then timed over a fixed amount of work, and printed as one
/// JSON line with its rate and allocation per item. Finishes in well under a minute.
/// </summary>
public static class QuickBenchmark
{
    /// <summary>Runs every workload and writes one JSON line each to <paramref name="output"/>.</summary>
    public static async Task RunAsync(TextWriter output, double scale = 1.0)
    {
        var nullMessages = (int)(2_000_000 * scale);
        var points = (int)(200_000 * scale);
        var events = (int)(1_000_000 * scale);

        await Report(output, "null_messages", "messages", nullMessages, async () =>
        {
            using var engine = new RunEngine();
            await engine.RunAsync(EngineWorkloads.NullMessages(nullMessages));
        });

        foreach (var validate in new[] { true, false })
        {
            await Report(output, validate ? "count_points_validated" : "count_points", "points", points, async () =>
            {
                var (engine, docs) = EngineWorkloads.EngineWithCollector(validate);
                using (engine)
                {
                    await engine.RunAsync(EngineWorkloads.Count([new SynGauss("det")], points));
                }

                Check(docs.Count == points + 3, $"count emitted {docs.Count} documents, expected {points + 3}");
            });
        }

        await Report(output, "scan_points", "points", points, async () =>
        {
            var (engine, docs) = EngineWorkloads.EngineWithCollector(validate: true);
            using (engine)
            {
                var motor = new SynAxis("motor");
                await engine.RunAsync(EngineWorkloads.Scan([new SynGauss("det", motor)], motor, points));
            }

            Check(docs.Count == points + 3, $"scan emitted {docs.Count} documents, expected {points + 3}");
        });

        foreach (var validate in new[] { true, false })
        {
            await Report(output, validate ? "compose_event_validated" : "compose_event", "events", events, () =>
            {
                var (composer, stream) = EngineWorkloads.Composer(validate);
                for (var i = 0; i < events; i++)
                {
                    EngineWorkloads.ComposeOne(composer, stream, i);
                }

                return Task.CompletedTask;
            });
        }
    }

    internal static Task Report(TextWriter output, string workload, string unit, int items, Func<Task> run) =>
        Report(output, workload, unit, async () =>
        {
            await run();
            return items;
        });

    /// <summary>Times <paramref name="run"/>, whose result is the number of items it handled.</summary>
    internal static async Task Report(TextWriter output, string workload, string unit, Func<Task<int>> run)
    {
        // A first, untimed run lets the JIT reach its optimized tiers before timing.
        await run();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gen0Before = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        var items = await run();
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var line = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["workload"] = workload,
            ["unit"] = unit,
            ["items"] = items,
            ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 4),
            ["rate_per_s"] = Math.Round(items / watch.Elapsed.TotalSeconds),
            ["allocated_bytes_per_item"] = Math.Round((double)allocated / items, 1),
            ["gen0_collections"] = GC.CollectionCount(0) - gen0Before,
        });
        await output.WriteLineAsync(line);
        await output.FlushAsync();
    }

    /// <summary>Fails the run when a workload did not do what it was timed for.</summary>
    internal static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark self-check failed: " + message);
        }
    }
}
