namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// DIALS' <c>DispersionThreshold::compute_threshold</c> (dials/algorithms/image/threshold/local.h, the path without a
/// gain map) written as plainly as possible: exact 64-bit sums over each pixel's clipped window, then DIALS' own
/// double-precision expressions in DIALS' order. It is the yardstick the fast <see cref="DispersionThreshold"/> is
/// tested against, and its fallback for trusted ranges too wide for 32-bit window sums.
/// </summary>
internal static class DispersionReference
{
    /// <summary>DIALS leaves counts at or above 2²⁴ out of the window sums (but may still call them strong).</summary>
    public const int Big = 1 << 24;

    /// <summary>Marks the strong pixels of rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>) in ascending order.</summary>
    public static void FindStrongPixels(FramePointer frame, DetectorMask mask, DispersionSettings settings, int rowStart, int rowEnd, List<int> strong)
    {
        var (width, height) = (mask.Width, mask.Height);
        var (kx, ky) = (settings.KernelHalfWidth, settings.KernelHalfHeight);
        var minCount = settings.EffectiveMinLocal;
        for (var j = rowStart; j < rowEnd; j++)
        {
            for (var i = 0; i < width; i++)
            {
                var k = (j * width) + i;
                var value = frame.Count(k);
                if (!mask.IsTrusted(k, value))
                {
                    continue;
                }

                long m = 0, x = 0, y = 0;
                for (var jj = Math.Max(0, j - ky); jj <= Math.Min(height - 1, j + ky); jj++)
                {
                    for (var ii = Math.Max(0, i - kx); ii <= Math.Min(width - 1, i + kx); ii++)
                    {
                        var kk = (jj * width) + ii;
                        var v = frame.Count(kk);
                        if (mask.IsTrusted(kk, v) && v < Big)
                        {
                            m++;
                            x += v;
                            y += (long)v * v;
                        }
                    }
                }

                if (IsStrong(value, m, x, y, minCount, settings))
                {
                    strong.Add(k);
                }
            }
        }

    }

    /// <summary>DIALS' test for one pixel, given the exact window sums, in DIALS' floating-point order.</summary>
    public static bool IsStrong(int value, double m, double x, double y, int minCount, DispersionSettings settings)
    {
        double src = value;
        if (!(m >= minCount && x >= 0 && src > settings.GlobalThreshold))
        {
            return false;
        }

        var a = (m * y) - (x * x) - (x * (m - 1));
        var b = (m * src) - x;
        var c = x * settings.SigmaBackground * Math.Sqrt(2 * (m - 1));
        var d = settings.SigmaStrong * Math.Sqrt(x * m);
        return a > c && b > d;
    }
}
