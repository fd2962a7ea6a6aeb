using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// dodal's MxSampleDetect: preprocess the image, find edges (Canny), close gaps in them, then walk the columns.
/// Per column the top edge is the first edge row and the bottom the last (-1 when the column has none). The walk
/// starts at the first column whose edges are at least <see cref="MinTipHeight"/> apart (the last, scanning in
/// reverse) and carries on, against the scan direction, while the column has an edge; the last such column is the
/// tip, at the rounded middle of its edges. Edges beyond the tip are cleared.
/// </summary>
/// <param name="preprocess">Applied to the image first (identity by default).</param>
/// <param name="cannyLower">Canny's lower threshold.</param>
/// <param name="cannyUpper">Canny's upper threshold.</param>
/// <param name="closeKsize">The closing rectangle's size.</param>
/// <param name="closeIterations">Closing iterations.</param>
/// <param name="scanDirection">Which way the pin points.</param>
/// <param name="minTipHeight">The least edge separation that counts as sample rather than noise.</param>
public sealed class MxSampleDetect(
    Func<Image2D<byte>, Image2D<byte>>? preprocess = null,
    int cannyLower = 50,
    int cannyUpper = 100,
    int closeKsize = 5,
    int closeIterations = 5,
    ScanDirections scanDirection = ScanDirections.Forward,
    int minTipHeight = 5)
{
    /// <summary>The value marking a column with no edge.</summary>
    public const int NoneValue = -1;

    /// <summary>The least edge separation that counts as sample.</summary>
    public int MinTipHeight => minTipHeight;

    /// <summary>Which way the pin points.</summary>
    public ScanDirections ScanDirection => scanDirection;

    /// <summary>Finds the tip and edges in a grey image.</summary>
    public SampleLocation ProcessArray(Image2D<byte> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var processed = (preprocess ?? ArrayProcessing.Identity)(image);

        // dodal passes (upper, lower) to cv2.Canny, which takes the thresholds in either order.
        var edges = ArrayProcessing.Canny(processed, cannyUpper, cannyLower);
        var closed = ArrayProcessing.Close(edges, closeKsize, closeIterations);
        return LocateSample(closed);
    }

    /// <summary>Walks an edge image's columns for the tip (dodal's _locate_sample).</summary>
    public SampleLocation LocateSample(Image2D<byte> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var (height, width) = (edges.Height, edges.Width);
        var top = new int[width];
        var bottom = new int[width];
        for (var x = 0; x < width; x++)
        {
            (top[x], bottom[x]) = (NoneValue, NoneValue);
            for (var y = 0; y < height; y++)
            {
                if (edges[y, x] != 0)
                {
                    top[x] = top[x] == NoneValue ? y : top[x];
                    bottom[x] = y;
                }
            }
        }

        var candidates = Enumerable.Range(0, width).Where(x => top[x] != NoneValue && bottom[x] - top[x] + 1 >= minTipHeight).ToList();
        if (candidates.Count == 0)
        {
            return new SampleLocation(null, null, top, bottom);
        }

        var step = (int)scanDirection;
        var tipX = step == (int)ScanDirections.Forward ? candidates[0] : candidates[^1];
        while (top[tipX] != NoneValue)
        {
            tipX -= step;
            if (tipX == -1 || tipX == width)
            {
                // The pin tip may be outside the image: take the edge.
                break;
            }
        }

        tipX += step;
        var tipY = (int)Math.Round(0.5 * (top[tipX] + bottom[tipX]), MidpointRounding.ToEven);
        var (from, to) = step == (int)ScanDirections.Forward ? (0, tipX) : (tipX + 1, width);
        for (var x = from; x < to; x++)
        {
            (top[x], bottom[x]) = (NoneValue, NoneValue);
        }

        return new SampleLocation(tipX, tipY, top, bottom);
    }
}
