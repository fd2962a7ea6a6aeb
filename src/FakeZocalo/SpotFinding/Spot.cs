namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// One spot: a 4-connected group of strong pixels on one image, measured as DIALS' spot finder measures its
/// shoebox. Pixel coordinates are continuous (pixel (i, j) spans [i, i+1) × [j, j+1)).
/// </summary>
/// <param name="PixelCount">The strong pixels in the spot.</param>
/// <param name="CentroidFast">The count-weighted mean of the pixel centres along the fast axis (DIALS' <c>xyzobs.px.value</c> x).</param>
/// <param name="CentroidSlow">The same along the slow axis (y).</param>
/// <param name="PeakFast">The centre of the brightest pixel (the first in row-major order on a tie) along the fast axis.</param>
/// <param name="PeakSlow">The same along the slow axis.</param>
/// <param name="Intensity">The summed counts (DIALS' <c>intensity.sum.value</c>; its variance is the same, there being no background).</param>
/// <param name="FastStart">The bounding box's first column.</param>
/// <param name="FastEnd">The bounding box's end column (exclusive).</param>
/// <param name="SlowStart">The bounding box's first row.</param>
/// <param name="SlowEnd">The bounding box's end row (exclusive).</param>
public readonly record struct Spot(
    int PixelCount,
    double CentroidFast,
    double CentroidSlow,
    double PeakFast,
    double PeakSlow,
    double Intensity,
    int FastStart,
    int FastEnd,
    int SlowStart,
    int SlowEnd)
{
    /// <summary>The distance from the peak pixel's centre to the centroid, in pixels.</summary>
    public double PeakCentroidSeparation
    {
        get
        {
            // scitbx's vec3 norm of (peak − centroid); the z difference is exactly 0 on one image.
            var dx = PeakFast - CentroidFast;
            var dy = PeakSlow - CentroidSlow;
            return Math.Sqrt((dx * dx) + (dy * dy) + 0.0);
        }
    }
}
