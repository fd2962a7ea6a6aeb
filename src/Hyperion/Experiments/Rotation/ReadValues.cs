using System.Globalization;
using Hyperion.Devices.Signals;

namespace Hyperion.Cli.Experiments.Rotation;

/// <summary>
/// Turns what <c>Stubs.Rd</c> gives back into typed values: enum signals read as their labels in documents, numbers
/// may come as any numeric type, and a simulator answers null.
/// </summary>
internal static class ReadValues
{
    /// <summary>The enum member <paramref name="value"/> is, by value or by label; null when it is neither.</summary>
    public static T? AsEnum<T>(object? value)
        where T : struct, Enum => value switch
        {
            T typed => typed,
            string label when SignalDatatype<T>.TryParseLabel(label, out var parsed) => parsed,
            string name when Enum.TryParse<T>(name, out var byName) => byName,
            _ => null,
        };

    /// <summary>The number <paramref name="value"/> is, or <paramref name="fallback"/> when there is none.</summary>
    public static double AsDouble(object? value, double fallback = 0) =>
        value is null ? fallback : Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
