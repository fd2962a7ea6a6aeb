using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Hyperion.Cli.Experiments.PinTip;

/// <summary>
/// Turns what <c>Stubs.Rd</c> and event data give back into typed values: arrays may come as any numeric array or
/// list (or JSON), numbers as any numeric type, and a simulator answers null.
/// </summary>
internal static class PlanValues
{
    /// <summary>The number <paramref name="value"/> is, or <paramref name="fallback"/> when there is none.</summary>
    public static double AsDouble(object? value, double fallback = 0) => value switch
    {
        null => fallback,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        JsonElement => fallback,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    /// <summary>The numbers <paramref name="value"/> holds, or an empty array when it holds none.</summary>
    public static double[] AsDoubles(object? value) => value switch
    {
        null => [],
        double[] d => d,
        JsonElement { ValueKind: JsonValueKind.Array } e => [.. e.EnumerateArray().Select(v => v.GetDouble())],
        IEnumerable items and not string => [.. items.Cast<object?>().Select(v => AsDouble(v))],
        _ => [],
    };

    /// <summary>The whole numbers <paramref name="value"/> holds (truncated, as Python's <c>int</c>).</summary>
    public static int[] AsInts(object? value) => value is int[] ints ? ints : [.. AsDoubles(value).Select(d => (int)d)];
}
