using System.Globalization;
using System.Text.Json;
using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Suspenders;

/// <summary>How suspenders read a signal's value: Python's truthiness, numbers, and value equality.</summary>
internal static class SuspenderValues
{
    /// <summary>Python's <c>bool(value)</c>: false for null, false, zero and empty strings (NaN is true, as in Python).</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False or JsonValueKind.Null or JsonValueKind.Undefined } => false,
        JsonElement { ValueKind: JsonValueKind.String } e => !string.IsNullOrEmpty(e.GetString()),
        _ => MetadataValues.AsDouble(value) is not { } number || number != 0,
    };

    /// <summary>The value as a number; NaN when it is not one, so that numeric suspenders fail safe.</summary>
    public static double ToDouble(object? value) => value switch
    {
        bool b => b ? 1 : 0,
        _ => MetadataValues.AsDouble(value) ?? double.NaN,
    };

    /// <summary>Equality that treats 1, 1L and 1.0 as the same value and compares strings ordinally.</summary>
    public static bool SameValue(object? a, object? b)
    {
        if (Equals(a, b))
        {
            return true;
        }

        if (a is not bool && b is not bool && MetadataValues.AsDouble(a) is { } x && MetadataValues.AsDouble(b) is { } y)
        {
            return x == y;
        }

        return a is not null && b is not null
            && string.Equals(MetadataValues.AsString(a), MetadataValues.AsString(b), StringComparison.Ordinal)
            && (a is string || a is JsonElement || b is string || b is JsonElement);
    }

    /// <summary>Formats a threshold the way the operator typed it.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
