using Hyperion.Nexus.DataFiles;

namespace Hyperion.Benchmarks;

/// <summary>
/// Quick-mode end-to-end Eiger workloads: what the twin's Odin writer does per frame, one frame after another on one
/// thread as the twin does it (render the frame from the crystal, compress it with bitshuffle-LZ4, append it to the
/// data files through libhdf5), for 4M uint32 grid-scan stills and 0.1° rotation frames and for 16M uint32 stills;
/// plus the compress-and-write half alone on a frame rendered once. The files go to a temporary directory on the
/// local disk, 1000 frames per file as Odin writes them; every frame's truth must hold spots and every file must
/// hold all its frames, so a broken pipeline cannot post a good number.
/// </summary>
public static class EigerPipelineQuickBenchmark
{
    /// <summary>Runs the pipeline workloads, one JSON line each.</summary>
    public static async Task RunAsync(TextWriter output, double scale = 1.0)
    {
        foreach (var (detector, rotation, count) in new[] { ("4M", false, 300), ("4M", true, 300), ("16M", false, 60) })
        {
            var renderer = DiffractionWorkloads.Renderer(detector);
            var frames = Math.Max(10, (int)(count * scale));
            var pixels = new uint[renderer.PixelCount];
            var name = $"eiger_pipeline_{detector}_{(rotation ? "rotation" : "still")}_u32";
            await QuickBenchmark.Report(output, name, "frames", frames, () =>
            {
                WriteSeries(renderer.Detector.Width, renderer.Detector.Height, frames, frame =>
                {
                    var truth = renderer.Render(DiffractionWorkloads.Frame(frame, rotation), pixels);
                    QuickBenchmark.Check(truth.Reflections.Count(r => r.ExpectedCounts > 10) > 20, $"frame {frame} of {name} has no spots");
                    return pixels;
                });
                return Task.CompletedTask;
            });

            if (!rotation)
            {
                renderer.Render(DiffractionWorkloads.Frame(0, rotation: false), pixels);
                await QuickBenchmark.Report(output, $"eiger_compress_write_{detector}_u32", "frames", frames, () =>
                {
                    WriteSeries(renderer.Detector.Width, renderer.Detector.Height, frames, _ => pixels);
                    return Task.CompletedTask;
                });
            }
        }
    }

    private static void WriteSeries(int width, int height, int frames, Func<int, uint[]> frame)
    {
        var directory = Directory.CreateTempSubdirectory("eiger-pipeline-").FullName;
        try
        {
            var writer = new DataFileSeriesWriter(directory, "bench", width, height, new DataFileOptions { PixelType = PixelType.UInt32, Compression = FrameCompression.BitshuffleLz4 });
            for (var i = 0; i < frames; i++)
            {
                writer.WriteFrame(frame(i));
            }

            var files = writer.Close();
            QuickBenchmark.Check(files.Sum(f => f.FrameCount) == frames, $"{files.Sum(f => f.FrameCount)} of {frames} frames reached the files");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
