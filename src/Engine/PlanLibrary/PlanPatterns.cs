using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

/// <summary>
/// Trajectory builders (bluesky's <c>bluesky.plan_patterns</c> and the numpy helpers the plans use): each
/// computes positions the way bluesky does, to the same floating-point operations, and returns them as a
/// <see cref="Cycler"/> for <see cref="Plans.ScanNd"/>.
/// </summary>
public static class PlanPatterns
{
    /// <summary>
    /// numpy's <c>linspace(start, stop, num)</c>: <paramref name="num"/> evenly spaced points, both ends
    /// included, computed as numpy does (<c>i * step + start</c>, the last point exactly <paramref name="stop"/>).
    /// </summary>
    public static IReadOnlyList<double> Linspace(double start, double stop, int num)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(num);
        var points = new double[num];
        var div = num - 1;
        var delta = stop - start;
        var step = div > 0 ? delta / div : double.NaN;
        for (var i = 0; i < num; i++)
        {
            double y = i;
            if (div > 0)
            {
                // numpy divides first when the step underflows to zero (its gh-5437), else multiplies.
                y = step == 0 ? y / div * delta : y * step;
            }
            else
            {
                y *= delta;
            }

            points[i] = y + start;
        }

        if (num > 1)
        {
            points[^1] = stop;
        }

        return points;
    }

    /// <summary>numpy's <c>logspace(start, stop, num)</c>: <c>10 ** linspace(start, stop, num)</c>.</summary>
    public static IReadOnlyList<double> Logspace(double start, double stop, int num) =>
        [.. Linspace(start, stop, num).Select(e => Math.Pow(10, e))];

    /// <summary>bluesky's <c>inner_product</c>: every axis from its start to its stop in <paramref name="num"/> points, together.</summary>
    public static Cycler InnerProduct(int num, IReadOnlyList<(IMovable Motor, double Start, double Stop)> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new ArgumentException("Give at least one (motor, start, stop) axis.", nameof(axes));
        }

        return axes.Select(a => Cycler.Of(a.Motor, Linspace(a.Start, a.Stop, num))).Aggregate((a, b) => a.Add(b));
    }

    /// <summary>bluesky's <c>inner_list_product</c>: every axis through its own list of positions, together.</summary>
    public static Cycler InnerListProduct(IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new ArgumentException("Give at least one (motor, positions) axis.", nameof(axes));
        }

        return axes.Select(a => Cycler.Of(a.Motor, a.Positions)).Aggregate((a, b) => a.Add(b));
    }

    /// <summary>
    /// bluesky's <c>outer_product</c>: a mesh with the first axis slowest; an axis with Snake set reverses on
    /// alternate passes (the first axis's flag has no effect).
    /// </summary>
    public static Cycler OuterProduct(IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num, bool Snake)> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new ArgumentException("Give at least one (motor, start, stop, num) axis.", nameof(axes));
        }

        return Cycler.Snake([.. axes.Select(a => Cycler.Of(a.Motor, Linspace(a.Start, a.Stop, a.Num)))], [.. axes.Select(a => a.Snake)]);
    }

    /// <summary>bluesky's <c>outer_list_product</c>: a mesh over lists of positions, the first axis slowest.</summary>
    public static Cycler OuterListProduct(IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes, IReadOnlyList<bool> snaking)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new ArgumentException("Give at least one (motor, positions) axis.", nameof(axes));
        }

        return Cycler.Snake([.. axes.Select(a => Cycler.Of(a.Motor, a.Positions))], snaking);
    }

    /// <summary>
    /// bluesky's <c>spiral</c>: rings <paramref name="dr"/> apart around (<paramref name="xStart"/>,
    /// <paramref name="yStart"/>), ring i holding <c>i·nth</c> points, kept where they fall inside the
    /// (optionally tilted) <paramref name="xRange"/> × <paramref name="yRange"/> rectangle.
    /// </summary>
    public static Cycler Spiral(IMovable xMotor, IMovable yMotor, double xStart, double yStart, double xRange, double yRange, double dr, double nth, double? drY = null, double tilt = 0.0)
    {
        ArgumentNullException.ThrowIfNull(xMotor);
        ArgumentNullException.ThrowIfNull(yMotor);
        CheckPositive(dr, nameof(dr));
        CheckPositive(nth, nameof(nth));
        var drAspect = drY is { } y ? y / dr : 1.0;
        var halfX = xRange / 2;
        var halfY = yRange / (2 * drAspect);
        var rMax = Math.Sqrt((halfX * halfX) + (halfY * halfY));
        var numRing = 1 + (int)(rMax / dr);
        var tiltTan = Math.Tan(tilt + (Math.PI / 2.0));
        var xs = new List<double>();
        var ys = new List<double>();
        for (var iRing = 1; iRing < numRing + 2; iRing++)
        {
            var radius = iRing * dr;
            var angleStep = 2.0 * Math.PI / (iRing * nth);
            var count = (int)(iRing * nth);
            for (var iAngle = 0; iAngle < count; iAngle++)
            {
                var angle = iAngle * angleStep;
                var x = radius * Math.Cos(angle);
                var yy = radius * Math.Sin(angle) * drAspect;
                if (Math.Abs(x - (yy / drAspect / tiltTan)) <= halfX && Math.Abs(yy / drAspect) <= halfY)
                {
                    xs.Add(xStart + x);
                    ys.Add(yStart + yy);
                }
            }
        }

        return Cycler.Of(xMotor, xs).Add(Cycler.Of(yMotor, ys));
    }

    /// <summary>
    /// bluesky's <c>spiral_fermat</c>: points on a Fermat (sunflower) spiral around (<paramref name="xStart"/>,
    /// <paramref name="yStart"/>), radius <c>√i · dr / factor</c> at golden-angle steps, kept inside the rectangle.
    /// </summary>
    public static Cycler SpiralFermat(IMovable xMotor, IMovable yMotor, double xStart, double yStart, double xRange, double yRange, double dr, double factor, double? drY = null, double tilt = 0.0)
    {
        ArgumentNullException.ThrowIfNull(xMotor);
        ArgumentNullException.ThrowIfNull(yMotor);
        CheckPositive(dr, nameof(dr));
        CheckPositive(factor, nameof(factor));
        var drAspect = drY is { } y ? y / dr : 1.0;
        var phi = 137.508 * Math.PI / 180.0;
        var halfX = xRange / 2;
        var halfY = yRange / (2 * drAspect);
        var tiltTan = Math.Tan(tilt + (Math.PI / 2.0));
        var diag = Math.Sqrt((halfX * halfX) + (halfY * halfY));
        var numRings = (int)Math.Pow(1.5 * diag / (dr / factor), 2);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var iRing = 1; iRing < numRings; iRing++)
        {
            var radius = Math.Sqrt(iRing) * dr / factor;
            var angle = phi * iRing;
            var x = radius * Math.Cos(angle);
            var yy = radius * Math.Sin(angle) * drAspect;

            // bluesky compares the unscaled |y| with half_y here (unlike in spiral); kept for identical points.
            if (Math.Abs(x - (yy / drAspect / tiltTan)) <= halfX && Math.Abs(yy) <= halfY)
            {
                xs.Add(xStart + x);
                ys.Add(yStart + yy);
            }
        }

        return Cycler.Of(xMotor, xs).Add(Cycler.Of(yMotor, ys));
    }

    /// <summary>
    /// bluesky's <c>spiral_square_pattern</c>: a square spiral over an <paramref name="xNum"/> × <paramref name="yNum"/>
    /// grid spanning <paramref name="xRange"/> × <paramref name="yRange"/>, starting at the centre and visiting every
    /// grid point once.
    /// </summary>
    public static Cycler SpiralSquare(IMovable xMotor, IMovable yMotor, double xCenter, double yCenter, double xRange, double yRange, int xNum, int yNum)
    {
        ArgumentNullException.ThrowIfNull(xMotor);
        ArgumentNullException.ThrowIfNull(yMotor);
        if (xNum < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(xNum), xNum, "A square spiral needs at least 2 points along x.");
        }

        if (yNum < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(yNum), yNum, "A square spiral needs at least 2 points along y.");
        }

        var xOffset = xNum % 2 == 0 ? 0.5 : 0;
        var yOffset = yNum % 2 == 0 ? -0.5 : 0;
        var numRing = Math.Max(xNum, yNum);
        var xDelta = xRange / (xNum - 1);
        var yDelta = yRange / (yNum - 1);
        var total = xNum * yNum;
        var xs = new List<double> { xCenter - (xDelta * xOffset) };
        var ys = new List<double> { yCenter - (yDelta * yOffset) };
        var found = 1;

        void Add(double x, double y)
        {
            xs.Add(x);
            ys.Add(y);
            found++;
        }

        for (var iRing = 2; iRing < numRing + 1; iRing++)
        {
            // Side 1: the right edge, top to bottom.
            if (Math.Abs(iRing - 1 - xOffset) <= xNum / 2.0 && found < total)
            {
                for (var n = iRing - 2; n > -iRing; n--)
                {
                    if (Math.Abs(n - yOffset) < yNum / 2.0 && found < total)
                    {
                        Add(xCenter - (xDelta * xOffset) + (xDelta * (iRing - 1)), yCenter - (yDelta * yOffset) + (yDelta * n));
                    }
                }
            }

            // Side 2: the bottom edge, right to left.
            if (Math.Abs(-iRing + 1 - yOffset) < yNum / 2.0 && found < total)
            {
                for (var n = iRing - 2; n > -iRing; n--)
                {
                    if (Math.Abs(n - xOffset) < xNum / 2.0 && found < total)
                    {
                        Add(xCenter - (xDelta * xOffset) + (xDelta * n), yCenter - (yDelta * yOffset) + (yDelta * (-iRing + 1)));
                    }
                }
            }

            // Side 3: the left edge, bottom to top.
            if (Math.Abs(-iRing + 1 - xOffset) < xNum / 2.0 && found < total)
            {
                for (var n = -iRing + 2; n < iRing; n++)
                {
                    if (Math.Abs(n - yOffset) < yNum / 2.0 && found < total)
                    {
                        Add(xCenter - (xDelta * xOffset) + (xDelta * (-iRing + 1)), yCenter - (yDelta * yOffset) + (yDelta * n));
                    }
                }
            }

            // Side 4: the top edge, left to right.
            if (Math.Abs(iRing - 1 - yOffset) < yNum / 2.0 && found < total)
            {
                for (var n = -iRing + 2; n < iRing; n++)
                {
                    if (Math.Abs(n - xOffset) < xNum / 2.0 && found < total)
                    {
                        Add(xCenter - (xDelta * xOffset) + (xDelta * n), yCenter - (yDelta * yOffset) + (yDelta * (iRing - 1)));
                    }
                }
            }
        }

        return Cycler.Of(xMotor, xs).Add(Cycler.Of(yMotor, ys));
    }

    private static void CheckPositive(double value, string paramName)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a positive finite number; got {value}.");
        }
    }
}
