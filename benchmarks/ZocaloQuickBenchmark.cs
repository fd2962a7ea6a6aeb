using System.Diagnostics;
using System.Text.Json;
using Hyperion.FakeZocalo.SpotFinding;
using Hyperion.Nexus.DataFiles;

namespace Hyperion.Benchmarks;

/// <summary>
/// Quick-mode FakeZocalo workloads: DIALS' dispersion threshold (strong pixels only) on one and two threads, and the
/// full per-image analysis (threshold, 4-connected labelling, size and peak-centroid filters, resolution statistics)
/// on one and two threads, and the labelling alone, for twin frames of an Eiger 16M and 4M. Each line adds the fastest single frame and the
/// process's CPU time per frame, which other processes on a shared machine do not inflate as they do the wall clock.
/// Every frame must give strong pixels and spots, so a broken finder cannot post a good number.
/// </summary>
public static class ZocaloQuickBenchmark
{
    /// <summary>Runs the workloads, one JSON line each.</summary>
    public static async Task RunAsync(TextWriter output, double scale = 1.0)
    {
        foreach (var detector in new[] { "16M", "4M" })
        {
            var (frames, mask, geometry) = ZocaloWorkloads.Frames(detector, 4);
            var repeats = Math.Max(4, (int)((detector == "16M" ? 40 : 160) * scale));
            foreach (var threads in new[] { 1, 2 })
            {
                var threshold = ZocaloWorkloads.Threshold(geometry, mask, threads);
                var strong = new List<int>();
                await ReportAsync(output, $"zocalo_threshold_{detector}_{threads}t", repeats, i =>
                {
                    strong.Clear();
                    threshold.FindStrongPixels(frames[i % frames.Length], PixelType.UInt32, strong);
                    QuickBenchmark.Check(strong.Count > 100, $"frame {i} of {detector} has {strong.Count} strong pixels");
                });

                if (threads == 1)
                {
                    // The labelling and the spots' measurement alone, on each frame's strong pixels found beforehand:
                    // the part of the analysis after the threshold.
                    var found = frames.Select(frame =>
                    {
                        var pixels = new List<int>();
                        threshold.FindStrongPixels(frame, PixelType.UInt32, pixels);
                        return (Pixels: pixels.ToArray(), Values: pixels.Select(k => (int)frame[k]).ToArray());
                    }).ToArray();
                    var spots = new List<Spot>();
                    await ReportAsync(output, $"zocalo_labelling_{detector}", repeats, i =>
                    {
                        spots.Clear();
                        var (pixels, values) = found[i % found.Length];
                        SpotLabeller.Label(pixels, values, geometry.Width, SpotFinderSettings.Default, spots);
                        QuickBenchmark.Check(spots.Count > 10, $"frame {i} of {detector} has {spots.Count} spots");
                    });
                }

                var analyser = new PerImageAnalyser(geometry, DiffractionWorkloads.Beam, mask, PixelType.UInt32, new SpotFinderSettings { MaxDegreeOfParallelism = threads, DMax = 40 });
                await ReportAsync(output, $"zocalo_analysis_{detector}_{threads}t", repeats, i =>
                {
                    var summary = analyser.Analyse(frames[i % frames.Length], "bench.nxs", i + 1, 0);
                    QuickBenchmark.Check(summary.SpotsTotal > 10, $"frame {i} of {detector} has {summary.SpotsTotal} spots");
                });
            }
        }
    }

    private static async Task ReportAsync(TextWriter output, string workload, int frames, Action<int> run)
    {
        // A first, untimed pass lets the JIT reach its optimised tiers.
        for (var i = 0; i < Math.Min(frames, 8); i++)
        {
            run(i);
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var best = double.MaxValue;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < frames; i++)
        {
            var one = Stopwatch.GetTimestamp();
            run(i);
            best = Math.Min(best, Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }

        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var line = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["workload"] = workload,
            ["unit"] = "frames",
            ["items"] = frames,
            ["seconds"] = Math.Round(watch.Elapsed.TotalSeconds, 4),
            ["rate_per_s"] = Math.Round(frames / watch.Elapsed.TotalSeconds, 1),
            ["best_ms"] = Math.Round(best, 2),
            ["cpu_ms_per_item"] = Math.Round(cpu.TotalMilliseconds / frames, 2),
        });
        await output.WriteLineAsync(line);
        await output.FlushAsync();
    }
}
