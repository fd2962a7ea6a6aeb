using System.Collections;
using System.Globalization;
using System.Text.Json;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Callbacks;

/// <summary>
/// Reads values out of start metadata and event data whether they are CLR values (documents straight from the
/// RunEngine) or JSON elements (documents read back from a file).
/// </summary>
public static class MetadataReader
{
    /// <summary>The value as a list of strings (a JSON array or any enumerable); null if it is not a list.</summary>
    /// <param name="value">The value.</param>
    public static List<string>? StringList(object? value) => value switch
    {
        null or string => null,
        JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => MetadataValues.AsString(x) ?? string.Empty).ToList(),
        JsonElement => null,
        IEnumerable items => items.Cast<object?>().Select(x => MetadataValues.AsString(x) ?? string.Empty).ToList(),
        _ => null,
    };

    /// <summary>The value as a list of values (JSON array elements or the enumerable's items); null if it is not a list.</summary>
    /// <param name="value">The value.</param>
    public static List<object?>? List(object? value) => value switch
    {
        null or string => null,
        JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(x => (object?)x).ToList(),
        JsonElement => null,
        IDictionary => null,
        IEnumerable items => items.Cast<object?>().ToList(),
        _ => null,
    };

    /// <summary>The value as a string-keyed map; null if it is not one.</summary>
    /// <param name="value">The value.</param>
    public static Dictionary<string, object?>? Map(object? value)
    {
        switch (value)
        {
            case JsonElement { ValueKind: JsonValueKind.Object } e:
                return e.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value, StringComparer.Ordinal);
            case IDictionary<string, object?> d:
                return new Dictionary<string, object?>(d, StringComparer.Ordinal);
            case IDictionary d:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in d)
                {
                    map[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
                }

                return map;
            default:
                return null;
        }
    }

    /// <summary>The value as a double (numbers, numeric strings); null if it is neither.</summary>
    /// <param name="value">The value.</param>
    public static double? Double(object? value) => MetadataValues.AsDouble(value) ?? value switch
    {
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        JsonElement { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        bool b => b ? 1 : 0,
        JsonElement { ValueKind: JsonValueKind.True } => 1,
        JsonElement { ValueKind: JsonValueKind.False } => 0,
        _ => null,
    };

    /// <summary>The value as a boolean (booleans, numbers: non-zero is true; "true"/"false"); null otherwise.</summary>
    /// <param name="value">The value.</param>
    public static bool? Bool(object? value) => value switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        string s when bool.TryParse(s, out var b) => b,
        _ => Double(value) is { } d ? d != 0 : null,
    };

    /// <summary>The value as a string (see <see cref="MetadataValues.AsString"/>).</summary>
    /// <param name="value">The value.</param>
    public static string? String(object? value) => MetadataValues.AsString(value);
}
