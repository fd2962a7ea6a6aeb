namespace Hyperion.Benchmarks;

/// <summary>
/// Quick-mode diffraction workloads: frames rendered per second for the Eiger 4M (the ROI Hyperion's grid scans
/// use) and 16M, 32- and 16-bit, stills and 0.1° rotation frames, plus a background-only still (crystal out of the
/// beam) and prediction alone. Every frame's truth must hold spots (and the background-only one none), so a
/// broken renderer cannot post a good number.
/// </summary>
public static class DiffractionQuickBenchmark
{
    /// <summary>Runs the diffraction workloads, one JSON line each.</summary>
    public static async Task RunAsync(TextWriter output, double scale = 1.0)
    {
        foreach (var detector in new[] { "4M", "16M" })
        {
            var renderer = DiffractionWorkloads.Renderer(detector);
            var frames = Math.Max(10, (int)((detector == "4M" ? 1000 : 250) * scale));
            var wide = new uint[renderer.PixelCount];
            var narrow = new ushort[renderer.PixelCount];
            foreach (var (name, rotation, inBeam, bits) in new[] { ("still", false, true, 32), ("still", false, true, 16), ("rotation", true, true, 32), ("rotation", true, true, 16), ("background_only", false, false, 16) })
            {
                await QuickBenchmark.Report(output, $"diffraction_{detector}_{name}_u{bits}", "frames", frames, () =>
                {
                    for (var i = 0; i < frames; i++)
                    {
                        var request = DiffractionWorkloads.Frame(i, rotation, inBeam);
                        var truth = bits == 32 ? renderer.Render(request, wide) : renderer.Render(request, narrow);
                        var spots = truth.Reflections.Count(r => r.ExpectedCounts > 10);
                        QuickBenchmark.Check(inBeam ? spots > 20 : spots == 0, $"frame {i} of {detector} {name} has {spots} spots");
                    }

                    return Task.CompletedTask;
                });
            }

            await QuickBenchmark.Report(output, $"diffraction_{detector}_predict_rotation", "frames", frames * 10, () =>
            {
                for (var i = 0; i < frames * 10; i++)
                {
                    QuickBenchmark.Check(renderer.Predict(DiffractionWorkloads.Frame(i, rotation: true)).Reflections.Count > 20, $"prediction {i} is empty");
                }

                return Task.CompletedTask;
            });
        }
    }
}
