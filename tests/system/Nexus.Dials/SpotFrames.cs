using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Masks;

namespace Hyperion.Nexus.Dials.Tests;

/// <summary>
/// Frames with a seeded Poisson background and bright Gaussian spots centred on chosen pixels; masked pixels hold
/// the Eiger's "no data" value (all ones), as a real detector writes them.
/// </summary>
public static class SpotFrames
{
    public static uint[] Render(DetectorGeometry detector, PixelMask mask, IReadOnlyList<Spot> spots, int image, int seed, double background = 0.3)
    {
        var (width, height) = (detector.Width, detector.Height);
        var frame = new uint[width * height];
        // HashCode is randomised per process: the seed must be combined by hand to repeat across runs.
        var random = new Random(unchecked((seed * 7919) + image));
        var threshold = Math.Exp(-background);
        for (var i = 0; i < frame.Length; i++)
        {
            // Knuth's Poisson sampler: fine for a mean well below 1.
            var k = 0u;
            for (var p = random.NextDouble(); p > threshold; p *= random.NextDouble())
            {
                k++;
            }

            frame[i] = k;
        }

        foreach (var spot in spots.Where(s => s.Image == image))
        {
            var reach = (int)Math.Ceiling(5 * spot.Sigma);
            for (var slow = (int)spot.Slow - reach; slow <= (int)spot.Slow + reach; slow++)
            {
                for (var fast = (int)spot.Fast - reach; fast <= (int)spot.Fast + reach; fast++)
                {
                    var (dx, dy) = (fast + 0.5 - spot.Fast, slow + 0.5 - spot.Slow);
                    frame[(slow * width) + fast] += (uint)Math.Round(spot.Peak * Math.Exp(-((dx * dx) + (dy * dy)) / (2 * spot.Sigma * spot.Sigma)));
                }
            }
        }

        var values = mask.Values;
        for (var i = 0; i < frame.Length; i++)
        {
            if (values[i] != 0)
            {
                frame[i] = uint.MaxValue;
            }
        }

        return frame;
    }
}
