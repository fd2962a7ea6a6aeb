using System.Globalization;
using System.Text.Json;

namespace Hyperion.Engine.Documents;

/// <summary>Reads metadata values whether they are CLR values or JSON elements read back from a file.</summary>
public static class MetadataValues
{
    /// <summary>The value as a string, or null.</summary>
    public static string? AsString(object? value) => value switch
    {
        null => null,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement e => e.GetRawText(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The value as a 64-bit integer, or null if it is not one.</summary>
    public static long? AsInt64(object? value) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        double d when d == Math.Floor(d) => (long)d,
        JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var l) => l,
        _ => null,
    };

    /// <summary>The value as a double, or null if it is not a number.</summary>
    public static double? AsDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        long l => l,
        int i => i,
        decimal m => (double)m,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        _ => null,
    };
}
