using Hyperion.Engine.Documents;
using Hyperion.Engine.Planning;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

public static partial class Plans
{
    /// <summary>
    /// Scans over an arbitrary trajectory (bluesky's <c>scan_nd</c>): for each step of <paramref name="cycler"/>,
    /// moves the movables that change and triggers and reads the detectors and movables. Every other step scan
    /// is built on this one.
    /// </summary>
    /// <param name="detectors">The detectors to read at each step.</param>
    /// <param name="cycler">The trajectory.</param>
    /// <param name="perStep">Replaces the default step (<see cref="Stubs.OneNdStep"/>).</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> ScanNd(
        IReadOnlyList<IReadable> detectors,
        Cycler cycler,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        ArgumentNullException.ThrowIfNull(cycler);
        var dets = detectors.ToList();
        var motors = cycler.Keys;
        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["detectors"] = NamesOf(dets),
                ["motors"] = NamesOf(motors),
                ["num_points"] = cycler.Count,
                ["num_intervals"] = cycler.Count - 1,
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(dets),
                    ["cycler"] = cycler.ToString(),
                    ["per_step"] = PerStepRepr(perStep),
                },
                ["plan_name"] = "scan_nd",
                ["hints"] = new Hints(),
            },
            md);

        // Unless the caller said otherwise, each movable is its own dimension.
        SetDefaultHints(metadata, DimensionsPerDevice(motors));

        var step = perStep ?? ((d, s, cache) => Stubs.OneNdStep(d, s, cache));
        var positionCache = new Dictionary<IMovable, object?>();

        async Plan Steps()
        {
            foreach (var point in cycler.Steps)
            {
                await step(dets, point, positionCache);
            }
        }

        return Preprocessors.StageWrapper(Preprocessors.RunWrapper(Steps(), metadata), [.. dets, .. motors]);
    }

    /// <summary>
    /// Scans one or more movables together, each from its start to its stop in <paramref name="num"/> evenly
    /// spaced points (bluesky's <c>scan</c>, an inner product).
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, start, stop) for each movable.</param>
    /// <param name="num">Number of points, at least 1.</param>
    /// <param name="perStep">Replaces the default step (<see cref="Stubs.OneNdStep"/>).</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> Scan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, double Start, double Stop)> axes,
        int num,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new ArgumentException("scan needs at least one (motor, start, stop) axis.", nameof(axes));
        }

        CheckNum(num, nameof(num));
        foreach (var (motor, start, stop) in axes)
        {
            CheckMotor(motor, nameof(axes));
            CheckFinite(start, nameof(axes));
            CheckFinite(stop, nameof(axes));
        }

        var motors = axes.Select(a => a.Motor).ToList();
        CheckDistinct(motors, nameof(axes));
        var args = axes.SelectMany(a => new object?[] { NameOf(a.Motor), a.Start, a.Stop }).ToList();
        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(detectors),
                    ["num"] = num,
                    ["args"] = args,
                    ["per_step"] = PerStepRepr(perStep),
                },
                ["plan_name"] = "scan",
                ["plan_pattern"] = "inner_product",
                ["plan_pattern_module"] = PlanPatternModule,
                ["plan_pattern_args"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["num"] = num, ["args"] = args },
                ["motors"] = NamesOf(motors),
            },
            md);

        // The movables move together, so all their fields make one dimension.
        var xFields = motors.SelectMany(HintedFields).ToList();
        SetDefaultHints(metadata, xFields.Count > 0 ? [new HintDimension(xFields, Primary)] : null);
        return ScanNd(detectors, PlanPatterns.InnerProduct(num, axes), perStep, metadata);
    }

    /// <summary>Scans one movable from <paramref name="start"/> to <paramref name="stop"/> in <paramref name="num"/> points (bluesky's <c>scan</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="motor">The movable to scan.</param>
    /// <param name="start">First position.</param>
    /// <param name="stop">Last position.</param>
    /// <param name="num">Number of points, at least 1.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> Scan(
        IReadOnlyList<IReadable> detectors,
        IMovable motor,
        double start,
        double stop,
        int num,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null) =>
        Scan(detectors, [(motor, start, stop)], num, perStep, md);

    /// <summary>
    /// <see cref="Scan(IReadOnlyList{IReadable}, IReadOnlyList{ValueTuple{IMovable, double, double}}, int, PerStep?, IReadOnlyDictionary{string, object?}?)"/>
    /// relative to where the movables are (bluesky's <c>rel_scan</c>); they go back there afterwards.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, start, stop) for each movable, relative to its position.</param>
    /// <param name="num">Number of points, at least 1.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, double Start, double Stop)> axes,
        int num,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        var scan = Scan(detectors, axes, num, perStep, Merge(Named("rel_scan"), md));
        return Relative(scan, axes.Select(a => (object)a.Motor));
    }

    /// <summary>Scans one movable relative to its position, and moves it back afterwards (bluesky's <c>rel_scan</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="motor">The movable to scan.</param>
    /// <param name="start">First position, relative to the current one.</param>
    /// <param name="stop">Last position, relative to the current one.</param>
    /// <param name="num">Number of points, at least 1.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelScan(
        IReadOnlyList<IReadable> detectors,
        IMovable motor,
        double start,
        double stop,
        int num,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null) =>
        RelScan(detectors, [(motor, start, stop)], num, perStep, md);

    /// <summary>
    /// Scans movables together through lists of positions, one list per movable, all of the same length
    /// (bluesky's <c>list_scan</c>).
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, positions) for each movable.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> ListScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        var motors = CheckListAxes(axes);
        var lengths = axes.Select(a => a.Positions.Count).ToList();
        if (lengths.Distinct().Count() > 1)
        {
            throw new ArgumentException(
                "The lengths of all lists in *args must be the same. However the lengths in args are : {"
                + string.Join(", ", axes.Select(a => $"'{NameOf(a.Motor)}': {a.Positions.Count}")) + "}",
                nameof(axes));
        }

        var length = lengths[0];
        var args = ListArgs(axes);
        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["detectors"] = NamesOf(detectors),
                ["motors"] = NamesOf(motors),
                ["num_points"] = length,
                ["num_intervals"] = length - 1,
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(detectors),
                    ["args"] = args,
                    ["per_step"] = PerStepRepr(perStep),
                },
                ["plan_name"] = "list_scan",
                ["plan_pattern"] = "inner_list_product",
                ["plan_pattern_module"] = PlanPatternModule,
                ["plan_pattern_args"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["args"] = args },
                ["hints"] = new Hints(),
            },
            md);
        var xFields = motors.SelectMany(HintedFields).ToList();
        SetDefaultHints(metadata, xFields.Count > 0 ? [new HintDimension(xFields, Primary)] : null);
        return ScanNd(detectors, PlanPatterns.InnerListProduct(axes), perStep, metadata);
    }

    /// <summary>Scans one movable through a list of positions (bluesky's <c>list_scan</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="motor">The movable.</param>
    /// <param name="positions">The positions, in order.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> ListScan(
        IReadOnlyList<IReadable> detectors,
        IMovable motor,
        IReadOnlyList<double> positions,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        return ListScan(detectors, [(motor, Boxed(positions))], perStep, md);
    }

    /// <summary>
    /// <see cref="ListScan(IReadOnlyList{IReadable}, IReadOnlyList{ValueTuple{IMovable, IReadOnlyList{object}}}, PerStep?, IReadOnlyDictionary{string, object?}?)"/>
    /// with positions relative to where the movables are (bluesky's <c>rel_list_scan</c>); they go back afterwards.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, relative positions) for each movable.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelListScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        var scan = ListScan(detectors, axes, perStep, Merge(Named("rel_list_scan"), md));
        return Relative(scan, axes.Select(a => (object)a.Motor));
    }

    /// <summary>Scans one movable through positions relative to where it is, and moves it back (bluesky's <c>rel_list_scan</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="motor">The movable.</param>
    /// <param name="positions">The positions, relative to the current one.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelListScan(
        IReadOnlyList<IReadable> detectors,
        IMovable motor,
        IReadOnlyList<double> positions,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        return RelListScan(detectors, [(motor, Boxed(positions))], perStep, md);
    }

    /// <summary>
    /// Scans a mesh over lists of positions, the first movable slowest (bluesky's <c>list_grid_scan</c>); with
    /// <paramref name="snakeAxes"/> every axis but the first reverses on alternate passes.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, positions) for each axis, slowest first.</param>
    /// <param name="snakeAxes">Whether the inner axes snake.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> ListGridScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes,
        bool snakeAxes = false,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        var motors = CheckListAxes(axes);
        return ListGridScanCore(detectors, axes, [.. motors.Select((_, i) => snakeAxes && i > 0)], Repr(snakeAxes), perStep, md);
    }

    /// <summary>
    /// Scans a mesh over lists of positions, the first movable slowest, the axes of the movables in
    /// <paramref name="snakeAxes"/> reversing on alternate passes (bluesky's <c>list_grid_scan</c>).
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, positions) for each axis, slowest first.</param>
    /// <param name="snakeAxes">The movables whose axes snake.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> ListGridScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes,
        IReadOnlyList<IMovable> snakeAxes,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        var motors = CheckListAxes(axes);
        ArgumentNullException.ThrowIfNull(snakeAxes);
        var snaking = motors.Select(m => snakeAxes.Contains(m, ReferenceEqualityComparer.Instance)).ToList();
        return ListGridScanCore(detectors, axes, snaking, Repr(snakeAxes), perStep, md);
    }

    /// <summary>A list grid scan relative to where the movables are, moving them back afterwards (bluesky's <c>rel_list_grid_scan</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, relative positions) for each axis, slowest first.</param>
    /// <param name="snakeAxes">Whether the inner axes snake.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelListGridScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes,
        bool snakeAxes = false,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        var scan = ListGridScan(detectors, axes, snakeAxes, perStep, Merge(Named("rel_list_grid_scan"), md));
        return Relative(scan, axes.Select(a => (object)a.Motor));
    }

    /// <summary>A list grid scan relative to where the movables are, snaking the listed axes (bluesky's <c>rel_list_grid_scan</c>).</summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="axes">(movable, relative positions) for each axis, slowest first.</param>
    /// <param name="snakeAxes">The movables whose axes snake.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelListGridScan(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes,
        IReadOnlyList<IMovable> snakeAxes,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        var scan = ListGridScan(detectors, axes, snakeAxes, perStep, Merge(Named("rel_list_grid_scan"), md));
        return Relative(scan, axes.Select(a => (object)a.Motor));
    }

    /// <summary>
    /// Scans one movable over <paramref name="num"/> log-spaced points from 10^<paramref name="start"/> to
    /// 10^<paramref name="stop"/> (bluesky's <c>log_scan</c>: numpy's <c>logspace</c>).
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="motor">The movable.</param>
    /// <param name="start">Decimal exponent of the first position.</param>
    /// <param name="stop">Decimal exponent of the last position.</param>
    /// <param name="num">Number of points, at least 1.</param>
    /// <param name="perStep">Replaces the default step (<see cref="Stubs.OneOneDStep"/>).</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> LogScan(
        IReadOnlyList<IReadable> detectors,
        IMovable motor,
        double start,
        double stop,
        int num,
        PerStep1D? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        CheckMotor(motor, nameof(motor));
        CheckFinite(start, nameof(start));
        CheckFinite(stop, nameof(stop));
        CheckNum(num, nameof(num));
        var dets = detectors.ToList();
        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["detectors"] = NamesOf(dets),
                ["motors"] = new List<string> { NameOf(motor) },
                ["num_points"] = num,
                ["num_intervals"] = num - 1,
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(dets),
                    ["num"] = num,
                    ["start"] = start,
                    ["stop"] = stop,
                    ["motor"] = NameOf(motor),
                    ["per_step"] = PerStepRepr(perStep),
                },
                ["plan_name"] = "log_scan",
                ["plan_pattern"] = "logspace",
                ["plan_pattern_module"] = "numpy",
                ["plan_pattern_args"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["start"] = start, ["stop"] = stop, ["num"] = num },
                ["hints"] = new Hints(),
            },
            md);
        SetDefaultHints(metadata, DimensionsPerDevice([motor]));
        var step = perStep ?? ((d, m, p) => Stubs.OneOneDStep(d, m, p));
        var positions = PlanPatterns.Logspace(start, stop, num);

        async Plan Steps()
        {
            foreach (var position in positions)
            {
                await step(dets, motor, position);
            }
        }

        return Preprocessors.StageWrapper(Preprocessors.RunWrapper(Steps(), metadata), [.. dets, motor]);
    }

    /// <summary>
    /// A log scan whose positions are offsets from where the movable is (bluesky's <c>rel_log_scan</c>); it moves
    /// back afterwards.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="motor">The movable.</param>
    /// <param name="start">Decimal exponent of the first offset.</param>
    /// <param name="stop">Decimal exponent of the last offset.</param>
    /// <param name="num">Number of points, at least 1.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> RelLogScan(
        IReadOnlyList<IReadable> detectors,
        IMovable motor,
        double start,
        double stop,
        int num,
        PerStep1D? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        var scan = LogScan(detectors, motor, start, stop, num, perStep, Merge(Named("rel_log_scan"), md));
        return Relative(scan, [motor]);
    }

    /// <summary>
    /// Scans two movables relative to where they are, the second moving half as far as the first (bluesky's
    /// <c>x2x_scan</c>, a generalised theta-two-theta scan); they go back afterwards.
    /// </summary>
    /// <param name="detectors">The detectors to read at each point.</param>
    /// <param name="motor1">The movable that goes from <paramref name="start"/> to <paramref name="stop"/>.</param>
    /// <param name="motor2">The movable that goes from half of <paramref name="start"/> to half of <paramref name="stop"/>.</param>
    /// <param name="start">First offset of <paramref name="motor1"/>.</param>
    /// <param name="stop">Last offset of <paramref name="motor1"/>.</param>
    /// <param name="num">Number of points, at least 1.</param>
    /// <param name="perStep">Replaces the default step.</param>
    /// <param name="md">Metadata merged over the plan's.</param>
    public static Plan<string?> X2XScan(
        IReadOnlyList<IReadable> detectors,
        IMovable motor1,
        IMovable motor2,
        double start,
        double stop,
        int num,
        PerStep? perStep = null,
        IReadOnlyDictionary<string, object?>? md = null)
    {
        CheckDetectors(detectors);
        CheckMotor(motor1, nameof(motor1));
        CheckMotor(motor2, nameof(motor2));
        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["plan_name"] = "x2x_scan",
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(detectors),
                    ["motor1"] = NameOf(motor1),
                    ["motor2"] = NameOf(motor2),
                    ["start"] = start,
                    ["stop"] = stop,
                    ["num"] = num,
                    ["per_step"] = PerStepRepr(perStep),
                },
            },
            md);
        return RelScan(detectors, [(motor1, start, stop), (motor2, start / 2, stop / 2)], num, perStep, metadata);
    }

    private static Plan<string?> ListGridScanCore(
        IReadOnlyList<IReadable> detectors,
        IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes,
        List<bool> snaking,
        string snakeAxesRepr,
        PerStep? perStep,
        IReadOnlyDictionary<string, object?>? md)
    {
        CheckDetectors(detectors);
        var motors = axes.Select(a => a.Motor).ToList();
        var args = ListArgs(axes);
        var metadata = Merge(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["shape"] = axes.Select(a => (object?)a.Positions.Count).ToList(),
                ["extents"] = axes.Select(a => (object?)new List<object?> { a.Positions.Min(Comparer<object?>.Default), a.Positions.Max(Comparer<object?>.Default) }).ToList(),
                ["snake_axes"] = snakeAxesRepr,
                ["plan_args"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["detectors"] = NamesOf(detectors),
                    ["args"] = args,
                    ["per_step"] = PerStepRepr(perStep),
                },
                ["plan_name"] = "list_grid_scan",
                ["plan_pattern"] = "outer_list_product",
                ["plan_pattern_args"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["args"] = args, ["snake_axes"] = snakeAxesRepr },
                ["plan_pattern_module"] = PlanPatternModule,
                ["motors"] = NamesOf(motors),
                ["hints"] = new Hints(),
            },
            md);
        SetDefaultHints(metadata, DimensionsPerDevice(motors));
        return ScanNd(detectors, PlanPatterns.OuterListProduct(axes, snaking), perStep, metadata);
    }

    private static List<IMovable> CheckListAxes(IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0)
        {
            throw new ArgumentException("Give at least one (motor, positions) axis.", nameof(axes));
        }

        foreach (var (motor, positions) in axes)
        {
            CheckMotor(motor, nameof(axes));
            if (positions is null || positions.Count == 0)
            {
                throw new ArgumentException($"The positions of {NameOf(motor)} are empty; give at least one position.", nameof(axes));
            }
        }

        var motors = axes.Select(a => a.Motor).ToList();
        CheckDistinct(motors, nameof(axes));
        return motors;
    }

    private static List<object?> ListArgs(IReadOnlyList<(IMovable Motor, IReadOnlyList<object?> Positions)> axes) =>
        [.. axes.SelectMany(a => new object?[] { NameOf(a.Motor), a.Positions.ToList() })];

    private static List<object?> Boxed(IReadOnlyList<double> positions) => [.. positions.Select(p => (object?)p)];

    private static Dictionary<string, object?> Named(string planName) =>
        new(StringComparer.Ordinal) { ["plan_name"] = planName };

    /// <summary>bluesky's reset_positions_decorator over relative_set_decorator, for the rel_* plans.</summary>
    private static async Plan<string?> Relative(Plan<string?> scan, IEnumerable<object> motors)
    {
        var movables = motors.ToList();
        return (string?)await Preprocessors.ResetPositions(Preprocessors.RelativeSet(scan, movables), movables);
    }
}
