using Hyperion.FakeZocalo.SpotFinding;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Masks;

namespace Hyperion.Benchmarks;

/// <summary>
/// FakeZocalo's per-image analysis workloads, shared by the quick mode and BenchmarkDotNet: twin frames of the
/// thaumatin crystal (grid-scan stills, 4 ms, 12.7 keV, 250 mm; <see cref="DiffractionWorkloads"/>) on an Eiger 4M or
/// 16M with the Eiger's pixel mask (module gaps, dead and noisy pixels), masked pixels holding the "no data" value
/// 2^bits − 1 as a real Eiger writes them.
/// </summary>
public static class ZocaloWorkloads
{
    /// <summary><paramref name="count"/> frames of <paramref name="detector"/> ("4M" or "16M") with their mask.</summary>
    public static (uint[][] Frames, PixelMask Mask, Nexus.Geometry.DetectorGeometry Detector) Frames(string detector, int count, PixelType pixelType = PixelType.UInt32)
    {
        var renderer = DiffractionWorkloads.Renderer(detector);
        var mask = PixelMask.ForEiger(renderer.Detector, seed: 7);
        var noData = pixelType == PixelType.UInt16 ? 0xFFFFu : 0xFFFFFFFFu;
        var frames = new uint[count][];
        for (var i = 0; i < count; i++)
        {
            var frame = new uint[renderer.PixelCount];
            if (pixelType == PixelType.UInt16)
            {
                var narrow = new ushort[renderer.PixelCount];
                renderer.Render(DiffractionWorkloads.Frame(i, rotation: false), narrow);
                for (var k = 0; k < frame.Length; k++)
                {
                    frame[k] = narrow[k];
                }
            }
            else
            {
                renderer.Render(DiffractionWorkloads.Frame(i, rotation: false), frame);
            }

            var words = mask.Values;
            for (var k = 0; k < frame.Length; k++)
            {
                if (words[k] != 0)
                {
                    frame[k] = noData;
                }
            }

            frames[i] = frame;
        }

        return (frames, mask, renderer.Detector);
    }

    /// <summary>The dispersion threshold for <paramref name="detector"/> and <paramref name="mask"/> on <paramref name="threads"/> threads.</summary>
    public static DispersionThreshold Threshold(Nexus.Geometry.DetectorGeometry detector, PixelMask mask, int threads) =>
        new(DetectorMask.For(detector, mask), maxDegreeOfParallelism: threads);
}
