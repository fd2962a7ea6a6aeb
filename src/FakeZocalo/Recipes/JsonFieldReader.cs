using System.Globalization;
using System.Text.Json;

namespace Hyperion.FakeZocalo.Recipes;

/// <summary>
/// Reads typed fields out of a <see cref="JsonElement"/> tree, reporting the first bad one by its JSON path
/// through an error factory, so each caller raises its own exception type.
/// </summary>
internal sealed class JsonFieldReader(Func<string, string, Exception> error)
{
    public static string Child(string path, string name) => $"{path}.{name}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    public JsonElement Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element : throw error(path, $"expected an object, got {Describe(element)}");

    public JsonElement Required(JsonElement obj, string name, string path) =>
        obj.TryGetProperty(name, out var value) ? value : throw error(Child(path, name), "missing");

    public static JsonElement? Optional(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public JsonElement Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? element : throw error(path, $"expected an array, got {Describe(element)}");

    public string String(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw error(path, $"expected a string, got {Describe(element)}");

    public bool Boolean(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw error(path, $"expected true or false, got {Describe(element)}"),
    };

    public double Double(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw error(path, $"expected a number, got {Describe(element)}");

    /// <summary>An integer; an integral float (<c>105062.0</c>, as pydantic float fields dump) is accepted too.</summary>
    public long Int64(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetInt64(out var integer))
            {
                return integer;
            }

            if (element.TryGetDouble(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9.007199254740992e15)
            {
                return (long)real;
            }
        }

        throw error(path, $"expected an integer, got {Describe(element)}");
    }

    public int Int32(JsonElement element, string path)
    {
        var value = Int64(element, path);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw error(path, $"{value} is out of range");
    }

    /// <summary>An integer, or a string holding one (DLS's test tools send ids as strings).</summary>
    public long Int64OrNumericString(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String
            ? long.TryParse(element.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw error(path, $"expected an integer, got the string \"{element.GetString()}\"")
            : Int64(element, path);

    public int[] Int32Array(JsonElement element, string path, int? length = null)
    {
        Array(element, path);
        var count = element.GetArrayLength();
        if (length is { } n && count != n)
        {
            throw error(path, $"expected {n} integers, got {count}");
        }

        var result = new int[count];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            result[i] = Int32(item, Item(path, i));
            i++;
        }

        return result;
    }

    public double[] DoubleArray(JsonElement element, string path)
    {
        Array(element, path);
        var result = new double[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            result[i] = Double(item, Item(path, i));
            i++;
        }

        return result;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
