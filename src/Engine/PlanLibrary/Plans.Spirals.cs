using Hyperion.Engine.Documents;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

public static partial class Plans
{
    /// <summary>
    /// Scans two movables along a spiral centred on (<paramref name="xStart"/>, <paramref name="yStart"/>)
    /// (bluesky's <c>spiral</c>; points from <see cref="PlanPatterns.Spiral"/>).
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="xMotor">The x movable.</param>
    /// <param name="yMotor">The y movable.</param>
    /// <param name="xStart">x centre.</param>
    /// <param name="yStart">y centre.</param>
    /// <param name="xRange">Width of the spiral along x.</param>
    /// <param name="yRange">Width of the spiral along y.</param>
    /// <param name="dr">Radius step along the ellipse's minor axis.</param>
    /// <param name="nth">Number of theta steps (ring i has i·nth points).</param>
    /// <param name="drY">Radius step along the major axis; null means <paramref name="dr"/>.</param>
    /// <param name="tilt">Tilt in radians.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> Spiral(
        IReadOnlyList<IReadable> detectors,
        IMovable xMotor,
        IMovable yMotor,
        double xStart,
        double yStart,
        double xRange,
        double yRange,
        double dr,
        double nth,
        double? drY = null,
        double tilt = 0.0,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        var cycler = PlanPatterns.Spiral(xMotor, yMotor, xStart, yStart, xRange, yRange, dr, nth, drY, tilt);
        var metadata = EllipticalSpiralMetadata("spiral", detectors, xMotor, yMotor, xStart, yStart, xRange, yRange, dr, ("nth", nth), drY, tilt, perStep, md);
        return ScanNd(detectors, cycler, perStep, metadata);
    }

    /// <summary>A spiral centred where the movables are, moving them back afterwards (bluesky's <c>rel_spiral</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="xMotor">The x movable.</param>
    /// <param name="yMotor">The y movable.</param>
    /// <param name="xRange">Width of the spiral along x.</param>
    /// <param name="yRange">Width of the spiral along y.</param>
    /// <param name="dr">Radius step along the ellipse's minor axis.</param>
    /// <param name="nth">Number of theta steps.</param>
    /// <param name="drY">Radius step along the major axis; null means <paramref name="dr"/>.</param>
    /// <param name="tilt">Tilt in radians.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelSpiral(
        IReadOnlyList<IReadable> detectors,
        IMovable xMotor,
        IMovable yMotor,
        double xRange,
        double yRange,
        double dr,
        double nth,
        double? drY = null,
        double tilt = 0.0,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null) =>
        Relative(Spiral(detectors, xMotor, yMotor, 0, 0, xRange, yRange, dr, nth, drY, tilt, perStep, Merge(Named("rel_spiral"), md)), [xMotor, yMotor]);

    /// <summary>
    /// Scans two movables along a Fermat spiral centred on (<paramref name="xStart"/>, <paramref name="yStart"/>)
    /// (bluesky's <c>spiral_fermat</c>; points from <see cref="PlanPatterns.SpiralFermat"/>).
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="xMotor">The x movable.</param>
    /// <param name="yMotor">The y movable.</param>
    /// <param name="xStart">x centre.</param>
    /// <param name="yStart">y centre.</param>
    /// <param name="xRange">Width of the spiral along x.</param>
    /// <param name="yRange">Width of the spiral along y.</param>
    /// <param name="dr">Radius step along the ellipse's minor axis.</param>
    /// <param name="factor">The radius is divided by this.</param>
    /// <param name="drY">Radius step along the major axis; null means <paramref name="dr"/>.</param>
    /// <param name="tilt">Tilt in radians.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> SpiralFermat(
        IReadOnlyList<IReadable> detectors,
        IMovable xMotor,
        IMovable yMotor,
        double xStart,
        double yStart,
        double xRange,
        double yRange,
        double dr,
        double factor,
        double? drY = null,
        double tilt = 0.0,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        var cycler = PlanPatterns.SpiralFermat(xMotor, yMotor, xStart, yStart, xRange, yRange, dr, factor, drY, tilt);
        var metadata = EllipticalSpiralMetadata("spiral_fermat", detectors, xMotor, yMotor, xStart, yStart, xRange, yRange, dr, ("factor", factor), drY, tilt, perStep, md);
        return ScanNd(detectors, cycler, perStep, metadata);
    }

    /// <summary>A Fermat spiral centred where the movables are, moving them back afterwards (bluesky's <c>rel_spiral_fermat</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="xMotor">The x movable.</param>
    /// <param name="yMotor">The y movable.</param>
    /// <param name="xRange">Width of the spiral along x.</param>
    /// <param name="yRange">Width of the spiral along y.</param>
    /// <param name="dr">Radius step along the ellipse's minor axis.</param>
    /// <param name="factor">The radius is divided by this.</param>
    /// <param name="drY">Radius step along the major axis; null means <paramref name="dr"/>.</param>
    /// <param name="tilt">Tilt in radians.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelSpiralFermat(
        IReadOnlyList<IReadable> detectors,
        IMovable xMotor,
        IMovable yMotor,
        double xRange,
        double yRange,
        double dr,
        double factor,
        double? drY = null,
        double tilt = 0.0,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null) =>
        Relative(
            SpiralFermat(detectors, xMotor, yMotor, 0, 0, xRange, yRange, dr, factor, drY, tilt, perStep, Merge(Named("rel_spiral_fermat"), md)),
            [xMotor, yMotor]);

    /// <summary>
    /// Scans two movables along a square spiral over an <paramref name="xNum"/> × <paramref name="yNum"/> grid
    /// centred on (<paramref name="xCenter"/>, <paramref name="yCenter"/>) (bluesky's <c>spiral_square</c>).
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="xMotor">The x movable.</param>
    /// <param name="yMotor">The y movable.</param>
    /// <param name="xCenter">x centre.</param>
    /// <param name="yCenter">y centre.</param>
    /// <param name="xRange">Width of the grid along x.</param>
    /// <param name="yRange">Width of the grid along y.</param>
    /// <param name="xNum">Number of points along x, at least 2.</param>
    /// <param name="yNum">Number of points along y, at least 2.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> SpiralSquare(
        IReadOnlyList<IReadable> detectors,
        IMovable xMotor,
        IMovable yMotor,
        double xCenter,
        double yCenter,
        double xRange,
        double yRange,
        int xNum,
        int yNum,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        var cycler = PlanPatterns.SpiralSquare(xMotor, yMotor, xCenter, yCenter, xRange, yRange, xNum, yNum);

        // bluesky gives this plan no plan_pattern_args or plan_pattern_module.
        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(detectors),
                    ["x_motor"] = NameOf(xMotor),
                    ["y_motor"] = NameOf(yMotor),
                    ["x_center"] = xCenter,
                    ["y_center"] = yCenter,
                    ["x_range"] = xRange,
                    ["y_range"] = yRange,
                    ["x_num"] = xNum,
                    ["y_num"] = yNum,
                    ["per_step"] = PerStepRepr(perStep),
                },
                ["plan_name"] = "spiral_square",
                ["plan_pattern"] = "spiral_square",
                ["shape"] = new List<object?> { yNum, xNum },
                ["extents"] = new List<object?>
                {
                    Extent(yCenter - (yRange / 2), yCenter + (yRange / 2)),
                    Extent(xCenter - (xRange / 2), xCenter + (xRange / 2)),
                },
                ["hints"] = new Hints(),
            },
            md);
        SetDefaultHints(metadata, DimensionsPerDevice([yMotor, xMotor]), "rectilinear_nonsequential");
        return ScanNd(detectors, cycler, perStep, metadata);
    }

    /// <summary>A square spiral centred where the movables are, moving them back afterwards (bluesky's <c>rel_spiral_square</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="xMotor">The x movable.</param>
    /// <param name="yMotor">The y movable.</param>
    /// <param name="xRange">Width of the grid along x.</param>
    /// <param name="yRange">Width of the grid along y.</param>
    /// <param name="xNum">Number of points along x, at least 2.</param>
    /// <param name="yNum">Number of points along y, at least 2.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelSpiralSquare(
        IReadOnlyList<IReadable> detectors,
        IMovable xMotor,
        IMovable yMotor,
        double xRange,
        double yRange,
        int xNum,
        int yNum,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null) =>
        Relative(
            SpiralSquare(detectors, xMotor, yMotor, 0, 0, xRange, yRange, xNum, yNum, perStep, Merge(Named("rel_spiral_square"), md)),
            [xMotor, yMotor]);

    // spiral and spiral_fermat record the same metadata but for the parameter that shapes the spiral (nth or factor).
    private static Dictionary<string, object?> EllipticalSpiralMetadata(
        string planName,
        IReadOnlyList<IReadable> detectors,
        IMovable xMotor,
        IMovable yMotor,
        double xStart,
        double yStart,
        double xRange,
        double yRange,
        double dr,
        (string Name, double Value) shape,
        double? drY,
        double tilt,
        PerStep? perStep,
        IReadOnlyDictionary<string, object?>? md)
    {
        Dictionary<string, object?> Arguments() => new(StringComparer.Ordinal)
        {
            ["x_motor"] = NameOf(xMotor),
            ["y_motor"] = NameOf(yMotor),
            ["x_start"] = xStart,
            ["y_start"] = yStart,
            ["x_range"] = xRange,
            ["y_range"] = yRange,
            ["dr"] = dr,
            [shape.Name] = shape.Value,
            ["dr_y"] = drY,
            ["tilt"] = tilt,
        };

        var planArgs = new Dictionary<string, object?>(StringComparer.Ordinal) { ["detectors"] = NamesOf(detectors) };
        foreach (var (key, value) in Arguments())
        {
            planArgs[key] = value;
        }

        planArgs["per_step"] = PerStepRepr(perStep);
        return Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["plan_args"] = planArgs,
                ["extents"] = SpiralExtents(xStart, yStart, xRange, yRange),
                ["plan_name"] = planName,
                ["plan_pattern"] = planName,
                ["plan_pattern_args"] = Arguments(),
                ["plan_pattern_module"] = PlanPatternModule,
                ["hints"] = new Hints { Dimensions = DimensionsPerDevice([xMotor, yMotor]) },
            },
            md);
    }

    private static List<object?> SpiralExtents(double xStart, double yStart, double xRange, double yRange) =>
        [Extent(xStart - xRange, xStart + xRange), Extent(yStart - yRange, yStart + yRange)];
}
