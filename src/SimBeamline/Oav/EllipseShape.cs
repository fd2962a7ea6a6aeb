namespace Hyperion.SimBeamline.Oav;

/// <summary>
/// An ellipse with semi-axes <paramref name="A"/> across and <paramref name="B"/> down (pixels), stretched
/// vertically by <paramref name="Stretch"/> pixels each way (its halves pulled apart, the gap filled: a thin disc
/// tilted towards edge-on), or, for a negative stretch, squeezed by as much (the hole such a disc leaves).
/// </summary>
/// <param name="A">The semi-axis across.</param>
/// <param name="B">The semi-axis down.</param>
/// <param name="Stretch">Pixels added to (or, negative, taken from) the half-height everywhere across.</param>
internal readonly record struct EllipseShape(double A, double B, double Stretch = 0)
{
    /// <summary>
    /// How much of the pixel at offset (<paramref name="dx"/>, <paramref name="dy"/>) from the centre the shape
    /// covers: across the boundary the coverage ramps from 1 to 0 over one pixel, by the implicit function over its
    /// gradient (the distance to the boundary).
    /// </summary>
    public double Coverage(double dx, double dy)
    {
        var beyond = Math.Max(0, Math.Abs(dy) - Stretch);
        var (u, v) = (dx / A, beyond / B);
        var implicitValue = (u * u) + (v * v) - 1;
        var (gx, gy) = (u / A, v / B);
        var gradient = 2 * Math.Sqrt((gx * gx) + (gy * gy));
        return gradient == 0 ? (implicitValue <= 0 ? 1 : 0) : Math.Clamp(0.5 - (implicitValue / gradient), 0, 1);
    }

    /// <summary>
    /// Half the shape's width on the row <paramref name="dy"/> from its centre, measured <paramref name="shift"/>
    /// pixels further out (negative: nearer the centre); 0 beyond the shape when looking inwards, −∞ when outwards.
    /// </summary>
    public double HalfWidth(double dy, double shift)
    {
        var beyond = Math.Max(0, Math.Abs(dy) - Stretch + shift) / B;
        return beyond < 1 ? A * Math.Sqrt(1 - (beyond * beyond)) : shift < 0 ? 0 : double.NegativeInfinity;
    }
}
