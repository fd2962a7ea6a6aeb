namespace Hyperion.Cli.Parameters;

/// <summary>The midpoints of a scanspec <c>Line(axis, start, stop, num)</c>, computed as scanspec computes them so
/// positions agree to the last bit.</summary>
public static class ScanLine
{
    /// <summary>The <paramref name="num"/> points from <paramref name="start"/> to <paramref name="stop"/>.</summary>
    public static double[] Midpoints(double start, double stop, int num)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(num);

        // scanspec spaces bounds, not centres: the first lower bound is half a step before start.
        var step = num == 1 ? stop - start : (stop - start) / (num - 1);
        var first = start - (step / 2);
        var points = new double[num];
        for (var i = 0; i < num; i++)
        {
            points[i] = ((i + 0.5) * step) + first;
        }

        return points;
    }
}
