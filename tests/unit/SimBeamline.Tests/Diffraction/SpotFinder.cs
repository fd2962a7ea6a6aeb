namespace Hyperion.SimBeamline.Tests.Diffraction;

/// <summary>
/// The simplest spot finder that works on these frames: pixels at or above a count threshold, grouped into
/// 8-connected components, each reported with its count-weighted centroid (continuous pixel coordinates: the
/// centre of pixel i is i + 0.5) when it holds at least <c>minimumPixels</c> pixels.
/// </summary>
internal static class SpotFinder
{
    public static List<(double Fast, double Slow, long Counts, int Pixels)> Find(ReadOnlySpan<uint> frame, int width, int height, uint threshold, int minimumPixels = 2)
    {
        var seen = new bool[frame.Length];
        var spots = new List<(double, double, long, int)>();
        var stack = new Stack<int>();
        for (var start = 0; start < frame.Length; start++)
        {
            if (seen[start] || frame[start] < threshold)
            {
                continue;
            }

            double sumX = 0, sumY = 0;
            long counts = 0;
            var pixels = 0;
            stack.Push(start);
            seen[start] = true;
            while (stack.Count > 0)
            {
                var p = stack.Pop();
                var (x, y) = (p % width, p / width);
                var c = frame[p];
                sumX += c * (x + 0.5);
                sumY += c * (y + 0.5);
                counts += c;
                pixels++;
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var (nx, ny) = (x + dx, y + dy);
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                        {
                            continue;
                        }

                        var q = (ny * width) + nx;
                        if (!seen[q] && frame[q] >= threshold)
                        {
                            seen[q] = true;
                            stack.Push(q);
                        }
                    }
                }
            }

            if (pixels >= minimumPixels)
            {
                spots.Add((sumX / counts, sumY / counts, counts, pixels));
            }
        }

        return spots;
    }
}
