using Hyperion.FakeZocalo.SpotFinding;
using Hyperion.Nexus.DataFiles;

namespace Hyperion.FakeZocalo.Tests.SpotFinding;

/// <summary>Seeded synthetic frames: Poisson-like background, bright blobs, masked, saturated and "no data" pixels.</summary>
internal static class TestFrames
{
    public static uint[] Noisy(int width, int height, int seed, double background = 0.5, int blobs = 20, PixelType pixelType = PixelType.UInt32, int saturation = 9266)
    {
        var random = new Random(seed);
        var frame = new uint[width * height];
        var threshold = Math.Exp(-background);
        for (var i = 0; i < frame.Length; i++)
        {
            var k = 0u;
            for (var p = random.NextDouble(); p > threshold; p *= random.NextDouble())
            {
                k++;
            }

            frame[i] = k;
        }

        for (var b = 0; b < blobs; b++)
        {
            var (cx, cy, peak) = (random.Next(width), random.Next(height), random.Next(5, 400));
            for (var dy = -2; dy <= 2; dy++)
            {
                for (var dx = -2; dx <= 2; dx++)
                {
                    var (x, y) = (cx + dx, cy + dy);
                    if (x >= 0 && y >= 0 && x < width && y < height)
                    {
                        frame[(y * width) + x] += (uint)(peak * Math.Exp(-((dx * dx) + (dy * dy)) / 2.0));
                    }
                }
            }
        }

        // A few saturated and "no data" pixels, as a real detector writes them.
        var noData = pixelType == PixelType.UInt16 ? 0xFFFFu : 0xFFFFFFFFu;
        for (var n = 0; n < Math.Max(3, frame.Length / 2000); n++)
        {
            frame[random.Next(frame.Length)] = (uint)saturation + (uint)random.Next(0, 3);
            frame[random.Next(frame.Length)] = noData;
            frame[random.Next(frame.Length)] = noData - 1;
        }

        return frame;
    }

    public static uint[] RandomMask(int width, int height, int seed, double fraction = 0.01)
    {
        var random = new Random(seed);
        var mask = new uint[width * height];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextDouble() < fraction ? 2u : 0u;
        }

        // A gap row and column, as between Eiger modules.
        if (height > 10)
        {
            Array.Fill(mask, 1u, 5 * width, width);
        }

        for (var y = 0; y < height && width > 10; y++)
        {
            mask[(y * width) + 7] = 1;
        }

        return mask;
    }

    public static List<int> Reference(uint[] frame, PixelType pixelType, DetectorMask mask, DispersionSettings? settings = null) =>
        Strong(frame, pixelType, new DispersionThreshold(mask, settings) { UsesFastPath = false });

    public static List<int> Strong(uint[] frame, PixelType pixelType, DispersionThreshold threshold)
    {
        var strong = new List<int>();
        threshold.FindStrongPixels(frame, pixelType, strong);
        return strong;
    }
}
