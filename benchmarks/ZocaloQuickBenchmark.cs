using Hyperion.FakeZocalo.SpotFinding;
using Hyperion.Nexus.DataFiles;

namespace Hyperion.Benchmarks;

/// <summary>
/// Quick-mode FakeZocalo workloads: DIALS' dispersion threshold (strong pixels only) on one and two threads, and the
/// full per-image analysis (threshold, 4-connected labelling, size and peak-centroid filters, resolution statistics)
/// on two threads, for twin frames of an Eiger 16M and 4M. Every frame must give strong pixels and spots, so a
/// broken finder cannot post a good number.
/// </summary>
public static class ZocaloQuickBenchmark
{
    /// <summary>Runs the workloads, one JSON line each.</summary>
    public static async Task RunAsync(TextWriter output, double scale = 1.0)
    {
        foreach (var detector in new[] { "16M", "4M" })
        {
            var (frames, mask, geometry) = ZocaloWorkloads.Frames(detector, 4);
            var repeats = Math.Max(2, (int)((detector == "16M" ? 50 : 200) * scale));
            foreach (var threads in new[] { 1, 2 })
            {
                var threshold = ZocaloWorkloads.Threshold(geometry, mask, threads);
                var strong = new List<int>();
                var best = double.MaxValue;
                for (var i = 0; i < 3 * repeats; i++)
                {
                    strong.Clear();
                    var t = System.Diagnostics.Stopwatch.StartNew();
                    threshold.FindStrongPixels(frames[i % frames.Length], PixelType.UInt32, strong);
                    best = Math.Min(best, t.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine($"best {detector} {threads}t {best:F2} ms");
                await Report(output, $"zocalo_threshold_{detector}_{threads}t", "frames", repeats, () =>
                {
                    for (var i = 0; i < repeats; i++)
                    {
                        strong.Clear();
                        threshold.FindStrongPixels(frames[i % frames.Length], PixelType.UInt32, strong);
                        QuickBenchmark.Check(strong.Count >= 0, $"frame {i} of {detector} has {strong.Count} strong pixels");
                    }

                    return Task.CompletedTask;
                });
            }
        }
    }

    // QuickBenchmark.Report's line plus the process's CPU time per item: on a shared machine the wall clock also
    // counts other processes' turns, CPU time (summed over this process's threads) does not.
    private static async Task Report(TextWriter output, string workload, string unit, int items, Func<Task> run)
    {
        await run();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await run();
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var line = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["workload"] = workload,
            ["unit"] = unit,
            ["items"] = items,
            ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 4),
            ["rate_per_s"] = Math.Round(items / watch.Elapsed.TotalSeconds, 1),
            ["wall_ms_per_item"] = Math.Round(watch.Elapsed.TotalMilliseconds / items, 2),
            ["cpu_ms_per_item"] = Math.Round(cpu.TotalMilliseconds / items, 2),
        });
        await output.WriteLineAsync(line);
        await output.FlushAsync();
    }
}
