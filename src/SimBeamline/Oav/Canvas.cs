namespace Hyperion.SimBeamline.Oav;

/// <summary>
/// An 8-bit grey image to paint antialiased shapes on, in continuous pixel coordinates (pixel (i, j) spans
/// [i, i + 1) × [j, j + 1)). Painting blends towards a grey level by opacity × coverage, so edges fall between
/// pixels where the geometry puts them and edge detection finds them to a fraction of a pixel.
/// </summary>
/// <param name="pixels">Row after row.</param>
/// <param name="width">Columns.</param>
/// <param name="height">Rows.</param>
internal sealed class Canvas(byte[] pixels, int width, int height)
{
    // How far from an ellipse's boundary (pixels) its antialiasing is worked out; beyond, it is all or nothing.
    private const double EdgeMargin = 3;

    /// <summary>Paints the rectangle [<paramref name="left"/>, <paramref name="right"/>) × [<paramref name="top"/>, <paramref name="bottom"/>).</summary>
    public void Rectangle(double left, double right, double top, double bottom, double level, double opacity)
    {
        var (firstColumn, lastColumn) = Span(left, right, width);
        var (firstRow, lastRow) = Span(top, bottom, height);
        if (firstColumn > lastColumn || firstRow > lastRow)
        {
            return;
        }

        var across = new double[lastColumn - firstColumn + 1];
        for (var x = firstColumn; x <= lastColumn; x++)
        {
            across[x - firstColumn] = Overlap(x, left, right);
        }

        for (var y = firstRow; y <= lastRow; y++)
        {
            var down = Overlap(y, top, bottom);
            var row = y * width;
            for (var x = firstColumn; x <= lastColumn; x++)
            {
                Blend(row + x, level, opacity * down * across[x - firstColumn]);
            }
        }
    }

    /// <summary>Paints a filled <paramref name="shape"/> centred on (<paramref name="centreX"/>, <paramref name="centreY"/>).</summary>
    public void Ellipse(double centreX, double centreY, EllipseShape shape, double level, double opacity) =>
        Ring(centreX, centreY, shape, null, level, opacity);

    /// <summary>Paints the band between the <paramref name="outer"/> shape and the <paramref name="inner"/> one (none: all of the outer one).</summary>
    public void Ring(double centreX, double centreY, EllipseShape outer, EllipseShape? inner, double level, double opacity)
    {
        var halfHeight = outer.B + Math.Max(0, outer.Stretch);
        var (firstColumn, lastColumn) = Span(centreX - outer.A, centreX + outer.A, width);
        var (firstRow, lastRow) = Span(centreY - halfHeight, centreY + halfHeight, height);
        for (var y = firstRow; y <= lastRow; y++)
        {
            var dy = y + 0.5 - centreY;
            var row = y * width;

            // Coverage is worked out only near the boundaries: a few pixels beyond the outer one, none, and inside
            // the inner one (or deep inside a filled shape), all or nothing.
            var reach = outer.HalfWidth(dy, -1) + EdgeMargin;
            var solid = (inner ?? outer).HalfWidth(dy, 1) - EdgeMargin;
            var from = Math.Max(firstColumn, (int)Math.Floor(centreX - reach));
            var to = Math.Min(lastColumn, (int)Math.Ceiling(centreX + reach));
            for (var x = from; x <= to; x++)
            {
                var dx = x + 0.5 - centreX;
                if (Math.Abs(dx) < solid)
                {
                    if (inner is null)
                    {
                        Blend(row + x, level, opacity);
                    }

                    continue;
                }

                var coverage = outer.Coverage(dx, dy);
                if (inner is { } hole && coverage > 0)
                {
                    coverage = Math.Max(0, coverage - hole.Coverage(dx, dy));
                }

                Blend(row + x, level, opacity * coverage);
            }
        }
    }

    // The length of [index, index + 1) inside [from, to).
    private static double Overlap(int index, double from, double to) => Math.Clamp(Math.Min(index + 1, to) - Math.Max(index, from), 0, 1);

    // The pixels [from, to) touches, within the image (one more each side for the antialiasing ramp); none when
    // the span is empty or not a number.
    private static (int First, int Last) Span(double from, double to, int size)
    {
        if (!(from < to))
        {
            return (1, 0);
        }

        return ((int)Math.Clamp(Math.Floor(from) - 1, 0, size), (int)Math.Clamp(Math.Ceiling(to) + 1, -1, size - 1));
    }

    private void Blend(int index, double level, double weight)
    {
        if (weight <= 0)
        {
            return;
        }

        // A weight in (0, 1] between two grey levels stays within 0..255: round half up.
        var current = pixels[index];
        pixels[index] = (byte)(current + ((level - current) * Math.Min(weight, 1)) + 0.5);
    }
}
