using System.Collections;
using System.Globalization;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;

namespace Hyperion.Engine.PlanLibrary;

/// <summary>
/// Pre-assembled plans (bluesky's <c>bluesky.plans</c>, "bp"): count, step scans along lines, lists, grids
/// and spirals, adaptive scans and fly scans. Each opens one run whose RunStart carries bluesky's standard
/// metadata (<c>plan_name</c>, <c>plan_args</c>, <c>detectors</c>, <c>motors</c>, <c>num_points</c>,
/// <c>hints</c>...), stages its devices around the run, and returns the run's uid. Metadata passed as
/// <c>md</c> is merged over the plan's own, key by key, so the caller wins; a caller's <c>hints</c> that
/// lack <c>dimensions</c> still get the plan's.
/// </summary>
/// <remarks>
/// Arguments are checked when the plan is created, so a bad call throws at once, naming the argument.
/// Devices appear in metadata by their names (<see cref="IHasName"/>), where bluesky writes their repr.
/// </remarks>
public static partial class Plans
{
    /// <summary>bluesky's module name for its trajectory helpers, written as <c>plan_pattern_module</c>.</summary>
    public const string PlanPatternModule = "bluesky.plan_patterns";

    /// <summary>The stream plans read into.</summary>
    private const string Primary = "primary";

    /// <summary>A device's name as metadata records it.</summary>
    internal static string NameOf(object? device) => device switch
    {
        null => "None",
        IHasName named => named.Name,
        _ => device.ToString() ?? device.GetType().Name,
    };

    internal static List<string> NamesOf(IEnumerable<object> devices) => [.. devices.Select(NameOf)];

    internal static string Quote(string text) => "'" + text + "'";

    /// <summary>A Python-like repr, for the few metadata fields bluesky fills with reprs.</summary>
    internal static string Repr(object? value) => value switch
    {
        null => "None",
        string s => Quote(s),
        bool b => b ? "True" : "False",
        double d => Cycler.FormatNumber(d),
        float f => Cycler.FormatNumber(f),
        IHasName named => Quote(named.Name),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Repr)) + "]",
        _ => value.ToString() ?? value.GetType().Name,
    };

    /// <summary>bluesky's <c>get_hinted_fields</c>: the device's hinted fields, or none.</summary>
    internal static IReadOnlyList<string> HintedFields(object device) =>
        device is IHasHints hinted ? hinted.Hints.Fields ?? [] : [];

    /// <summary>
    /// One dimension per device from its <c>hints.fields</c>, or null when any device has no such hint (bluesky
    /// skips the dimensions hint then, catching the KeyError).
    /// </summary>
    internal static List<HintDimension>? DimensionsPerDevice(IEnumerable<object> devices)
    {
        var dimensions = new List<HintDimension>();
        foreach (var device in devices)
        {
            if (device is not IHasHints { Hints.Fields: { } fields })
            {
                return null;
            }

            dimensions.Add(new HintDimension([.. fields], Primary));
        }

        return dimensions;
    }

    /// <summary>bluesky's <c>_md.update(md)</c>: the caller's keys replace the plan's.</summary>
    internal static Dictionary<string, object?> Merge(Dictionary<string, object?> defaults, IReadOnlyDictionary<string, object?>? md)
    {
        foreach (var (key, value) in md ?? new Dictionary<string, object?>())
        {
            defaults[key] = value;
        }

        return defaults;
    }

    /// <summary>
    /// bluesky's <c>_md["hints"].setdefault(...)</c>: adds <paramref name="dimensions"/> and
    /// <paramref name="gridding"/> to the hints unless the caller's hints already have them. Hints may be a
    /// <see cref="Hints"/> or a dictionary; the caller's object is copied, not changed.
    /// </summary>
    internal static void SetDefaultHints(Dictionary<string, object?> md, IReadOnlyList<HintDimension>? dimensions, string? gridding = null)
    {
        md.TryGetValue("hints", out var hints);
        md["hints"] = hints switch
        {
            null => new Hints { Dimensions = dimensions, Gridding = gridding },
            Hints h => h with { Dimensions = h.Dimensions ?? dimensions, Gridding = h.Gridding ?? gridding },
            IReadOnlyDictionary<string, object?> d => WithDefaults(new Dictionary<string, object?>(d, StringComparer.Ordinal), dimensions, gridding),
            IDictionary<string, object?> d => WithDefaults(new Dictionary<string, object?>(d, StringComparer.Ordinal), dimensions, gridding),
            _ => throw new ArgumentException(
                $"md['hints'] must be a Hints or a dictionary, not {hints.GetType().Name}.", nameof(md)),
        };
    }

    private static Dictionary<string, object?> WithDefaults(Dictionary<string, object?> hints, IReadOnlyList<HintDimension>? dimensions, string? gridding)
    {
        if (dimensions is not null)
        {
            hints.TryAdd("dimensions", dimensions);
        }

        if (gridding is not null)
        {
            hints.TryAdd("gridding", gridding);
        }

        return hints;
    }

    private static void CheckDetectors(IReadOnlyList<IReadable> detectors, string paramName = "detectors")
    {
        ArgumentNullException.ThrowIfNull(detectors, paramName);
        for (var i = 0; i < detectors.Count; i++)
        {
            if (detectors[i] is null)
            {
                throw new ArgumentException($"Detector {i} is null; pass readable devices.", paramName);
            }
        }
    }

    private static void CheckMotor(object? motor, string paramName)
    {
        if (motor is null)
        {
            throw new ArgumentNullException(paramName, "Each axis needs a movable; got null.");
        }
    }

    private static void CheckNum(int num, string paramName)
    {
        if (num < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, num,
                $"The number of points must be at least 1 (it is a number of points, not a step size); got {num}.");
        }
    }

    private static void CheckFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number; got {value}.");
        }
    }

    private static void CheckDistinct(List<IMovable> motors, string paramName)
    {
        if (motors.Distinct(ReferenceEqualityComparer.Instance).Count() != motors.Count)
        {
            throw new ArgumentException(
                $"Some motors are listed multiple times in the argument list 'args': [{string.Join(", ", motors.Select(NameOf))}].", paramName);
        }
    }

    /// <summary>What bluesky's <c>repr(per_step)</c> stands for: "None", or the hook's name.</summary>
    private static string PerStepRepr(Delegate? perStep)
    {
        if (perStep is null)
        {
            return "None";
        }

        // Local functions compile to "<Outer>g__Name|0_0", lambdas to "<Outer>b__0_0".
        var name = perStep.Method.Name;
        var local = name.IndexOf("g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            var end = name.IndexOf('|', local);
            return name[(local + 3)..(end < 0 ? name.Length : end)];
        }

        return name.StartsWith('<') ? "<lambda>" : name;
    }

    private static List<object?> Extent(double start, double stop) => [start, stop];
}
