using Hyperion.Engine.Documents;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

public static partial class Plans
{
    /// <summary>
    /// Scans a mesh, each movable from its start to its stop in its own number of points, the first slowest
    /// (bluesky's <c>grid_scan</c>, an outer product). With <paramref name="snakeAxes"/> every axis but the
    /// first reverses direction on alternate passes instead of flying back.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, start, stop, num) for each axis, slowest first.</param>
    /// <param name="snakeAxes">Whether the inner axes snake (bluesky's snake_axes=True/False).</param>
    /// <param name="perStep">Replaces the default step (<see cref="Stubs.OneNdStep"/>).</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> GridScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num)> axes,
        bool snakeAxes = false,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null) =>
        GridScanCore(detectors, SnakeAll(axes, snakeAxes), perStep, md);

    /// <summary>
    /// Scans a mesh, the first movable slowest, the axes of the movables in <paramref name="snakeAxes"/> snaking
    /// (bluesky's <c>grid_scan</c> with a list of snake_axes). The list may not repeat a movable, name the slowest
    /// one, or name one that is not scanned.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, start, stop, num) for each axis, slowest first.</param>
    /// <param name="snakeAxes">The movables whose axes snake.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> GridScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num)> axes,
        IReadOnlyList<IMovable> snakeAxes,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null) =>
        GridScanCore(detectors, SnakeListed(axes, snakeAxes), perStep, md);

    /// <summary>
    /// Scans a mesh with a snake flag per axis (bluesky's older <c>grid_scan</c> argument pattern,
    /// <c>motor1, start1, stop1, num1, motor2, start2, stop2, num2, snake2, ...</c>). The first axis is the
    /// slowest and never snakes, so its flag must be false.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, start, stop, num, snake) for each axis, slowest first.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> GridScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num, bool Snake)> axes,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckGridAxes(axes);
        if (axes[0].Snake)
        {
            throw new ArgumentException($"The slowest (first) axis, {NameOf(axes[0].Motor)}, cannot snake: it makes only one pass.", nameof(axes));
        }

        return GridScanCore(detectors, axes, perStep, md);
    }

    /// <summary>A grid scan relative to where the movables are, moving them back afterwards (bluesky's <c>rel_grid_scan</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, relative start, relative stop, num) for each axis, slowest first.</param>
    /// <param name="snakeAxes">Whether the inner axes snake.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelGridScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num)> axes,
        bool snakeAxes = false,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null) =>
        Relative(GridScan(detectors, axes, snakeAxes, perStep, Merge(Named("rel_grid_scan"), md)), axes.Select(a => (object)a.Motor));

    /// <summary>A grid scan relative to where the movables are, snaking the listed axes (bluesky's <c>rel_grid_scan</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, relative start, relative stop, num) for each axis, slowest first.</param>
    /// <param name="snakeAxes">The movables whose axes snake.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelGridScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num)> axes,
        IReadOnlyList<IMovable> snakeAxes,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null) =>
        Relative(GridScan(detectors, axes, snakeAxes, perStep, Merge(Named("rel_grid_scan"), md)), axes.Select(a => (object)a.Motor));

    /// <summary>A grid scan with a snake flag per axis, relative to where the movables are (bluesky's <c>rel_grid_scan</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, relative start, relative stop, num, snake) for each axis, slowest first.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelGridScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num, bool Snake)> axes,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null) =>
        Relative(GridScan(detectors, axes, perStep, Merge(Named("rel_grid_scan"), md)), axes.Select(a => (object)a.Motor));

    private static List<(IMovable Motor, double Start, double Stop, int Num, bool Snake)> SnakeAll(
        IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num)> axes, bool snake)
    {
        ArgumentNullException.ThrowIfNull(axes);
        return [.. axes.Select((a, i) => (a.Motor, a.Start, a.Stop, a.Num, snake && i > 0))];
    }

    private static List<(IMovable Motor, double Start, double Stop, int Num, bool Snake)> SnakeListed(
        IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num)> axes, IReadOnlyList<IMovable> snakeAxes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(snakeAxes);
        var listed = $"[{string.Join(", ", snakeAxes.Select(NameOf))}]";
        if (snakeAxes.Distinct(ReferenceEqualityComparer.Instance).Count() != snakeAxes.Count)
        {
            throw new ArgumentException($"The list of axes 'snake_axes' contains repeated elements: '{listed}'", nameof(snakeAxes));
        }

        if (axes.Count > 0 && snakeAxes.Contains(axes[0].Motor, ReferenceEqualityComparer.Instance))
        {
            throw new ArgumentException($"The list of axes 'snake_axes' contains the slowest motor: '{listed}'", nameof(snakeAxes));
        }

        if (snakeAxes.Any(m => !axes.Any(a => ReferenceEquals(a.Motor, m))))
        {
            throw new ArgumentException(
                $"The list of axes 'snake_axes' contains motors that are not controlled during the scan: '{listed}'", nameof(snakeAxes));
        }

        return [.. axes.Select((a, i) => (a.Motor, a.Start, a.Stop, a.Num, i > 0 && snakeAxes.Contains(a.Motor, ReferenceEqualityComparer.Instance)))];
    }

    private static void CheckGridAxes(IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num, bool Snake)> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new ArgumentException("grid_scan needs at least one (motor, start, stop, num) axis.", nameof(axes));
        }

        foreach (var axis in axes)
        {
            CheckMotor(axis.Motor, nameof(axes));
            CheckFinite(axis.Start, nameof(axes));
            CheckFinite(axis.Stop, nameof(axes));
            CheckNum(axis.Num, nameof(axes));
        }

        CheckDistinct([.. axes.Select(a => a.Motor)], nameof(axes));
    }

    private static Plan<string?> GridScanCore(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, double Start, double Stop, int Num, bool Snake)> axes,
        PerStep? perStep,
        IReadOnlyDictionary<string, object?>? md)
    {
        CheckDetectors(detectors);
        CheckGridAxes(axes);
        var motors = axes.Select(a => a.Motor).ToList();

        // The snake flag appears only after the first axis, as in bluesky's argument list.
        var args = new List<object?>();
        for (var i = 0; i < axes.Count; i++)
        {
            var (motor, start, stop, num, snake) = axes[i];
            args.AddRange([NameOf(motor), start, stop, num]);
            if (i > 0)
            {
                args.Add(snake);
            }
        }

        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["shape"] = axes.Select(a => (object?)a.Num).ToList(),
                ["extents"] = axes.Select(a => (object?)Extent(a.Start, a.Stop)).ToList(),
                ["snaking"] = axes.Select(a => (object?)a.Snake).ToList(),
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(detectors),
                    ["args"] = args,
                    ["per_step"] = PerStepRepr(perStep),
                },
                ["plan_name"] = "grid_scan",
                ["plan_pattern"] = "outer_product",
                ["plan_pattern_args"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["args"] = args },
                ["plan_pattern_module"] = PlanPatternModule,
                ["motors"] = NamesOf(motors),
                ["hints"] = new Hints(),
            },
            md);
        SetDefaultHints(metadata, DimensionsPerDevice(motors), "rectilinear");
        return ScanNd(detectors, PlanPatterns.OuterProduct(axes), perStep, metadata);
    }
}
