namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// Groups an image's strong pixels into spots as DIALS' <c>PixelListLabeller.labels_2d</c> and
/// <c>PixelListShoeboxCreator</c> do: 4-connected components (left/right and up/down neighbours), kept when their
/// pixel count is within [min, max], then measured as a shoebox is (<see cref="Spot"/>) and dropped when the peak lies
/// farther than max_separation from the centroid (DIALS' <c>PeakCentroidDistanceFilter</c>). Sums are taken in DIALS'
/// order and precision (pixel values in single precision, coordinate sums in double), so centroids match DIALS' bit for
/// bit for any spot whose summed counts stay below 2²⁴.
/// </summary>
public static class SpotLabeller
{
    /// <summary>
    /// Appends the spots of the strong pixels <paramref name="strong"/> (row-major indices, ascending) holding
    /// <paramref name="values"/> on an image <paramref name="width"/> pixels wide to <paramref name="spots"/>, in the
    /// order of their first pixel. Returns how many components there were before the size and separation filters.
    /// </summary>
    public static int Label(ReadOnlySpan<int> strong, ReadOnlySpan<int> values, int width, SpotFinderSettings settings, List<Spot> spots)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(spots);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (values.Length != strong.Length)
        {
            throw new ArgumentException($"{strong.Length} strong pixels but {values.Length} values.", nameof(values));
        }

        var n = strong.Length;
        if (n == 0)
        {
            return 0;
        }

        var parent = new int[n];
        for (var s = 0; s < n; s++)
        {
            parent[s] = s;
        }

        // The pixel above pixel s is found by a pointer that only moves forward, as the list is in row-major order.
        var above = 0;
        for (var s = 0; s < n; s++)
        {
            var index = strong[s];
            if (s > 0 && strong[s - 1] == index - 1 && index % width != 0)
            {
                Union(parent, s, s - 1);
            }

            var up = index - width;
            if (up >= 0)
            {
                while (above < s && strong[above] < up)
                {
                    above++;
                }

                if (strong[above] == up)
                {
                    Union(parent, s, above);
                }
            }
        }

        // Number the components by their first pixel and bucket the pixels, keeping row-major order within each.
        var label = new int[n];
        var components = 0;
        var sizes = new List<int>();
        for (var s = 0; s < n; s++)
        {
            var root = Find(parent, s);
            if (root == s)
            {
                label[s] = components++;
                sizes.Add(0);
            }
            else
            {
                label[s] = label[root];
            }

            sizes[label[s]]++;
        }

        var start = new int[components + 1];
        for (var c = 0; c < components; c++)
        {
            start[c + 1] = start[c] + sizes[c];
        }

        var order = new int[n];
        var next = start[..components];
        for (var s = 0; s < n; s++)
        {
            order[next[label[s]]++] = s;
        }

        for (var c = 0; c < components; c++)
        {
            var size = sizes[c];
            if (size < settings.MinSpotSize || size > settings.MaxSpotSize)
            {
                continue;
            }

            var spot = Measure(strong, values, width, order.AsSpan(start[c], size));
            if (settings.MaxSeparation is not { } maxSeparation || spot.PeakCentroidSeparation <= maxSeparation)
            {
                spots.Add(spot);
            }
        }

        return components;
    }

    // A shoebox's measurements: DIALS' CentroidPoints over the spot's pixels in row-major order, with coordinates local
    // to the bounding box, and its Summation (single-precision sums of the counts).
    private static Spot Measure(ReadOnlySpan<int> strong, ReadOnlySpan<int> values, int width, ReadOnlySpan<int> members)
    {
        int x0 = int.MaxValue, x1 = 0, y0 = int.MaxValue, y1 = 0;
        foreach (var s in members)
        {
            var (x, y) = (strong[s] % width, strong[s] / width);
            x0 = Math.Min(x0, x);
            x1 = Math.Max(x1, x + 1);
            y0 = Math.Min(y0, y);
            y1 = Math.Max(y1, y + 1);
        }

        var sum = 0f;
        double sumX = 0, sumY = 0;
        var peak = float.NegativeInfinity;
        var (peakX, peakY) = (0, 0);
        foreach (var s in members)
        {
            var (x, y) = (strong[s] % width, strong[s] / width);
            float value = values[s];
            sum += value;
            sumX += value * (x - x0 + 0.5);
            sumY += value * (y - y0 + 0.5);
            if (value > peak)
            {
                (peak, peakX, peakY) = (value, x, y);
            }
        }

        return new Spot(members.Length, (sumX / sum) + x0, (sumY / sum) + y0, peakX + 0.5, peakY + 0.5, sum, x0, x1, y0, y1);
    }

    private static int Find(int[] parent, int s)
    {
        while (parent[s] != s)
        {
            parent[s] = parent[parent[s]];
            s = parent[s];
        }

        return s;
    }

    // The smaller index becomes the root, so a component's root is its first pixel.
    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra < rb)
        {
            parent[rb] = ra;
        }
        else if (rb < ra)
        {
            parent[ra] = rb;
        }
    }
}
