using System.Collections;
using System.Globalization;
using System.Text.Json;
using Hyperion.Engine.Serialization;

namespace Hyperion.Engine.Metadata;

/// <summary>
/// Converts metadata values to and from the plain CLR shapes that JSON can hold and give back unchanged:
/// null, bool, string, long, double, <c>Dictionary&lt;string, object?&gt;</c> and <c>List&lt;object?&gt;</c>.
/// </summary>
internal static class PlainJson
{
    /// <summary>Converts <paramref name="value"/> to its plain shape; throws <see cref="ArgumentException"/> naming <paramref name="key"/> when JSON cannot hold it.</summary>
    public static object? Normalize(object? value, string key)
    {
        switch (value)
        {
            case null:
            case string:
            case bool:
                return value;
            case long or int or short or sbyte or byte or ushort or uint:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case ulong u:
                return u <= long.MaxValue ? (long)u : (double)u;
            case double or float or decimal:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return double.IsFinite(d)
                    ? d
                    : throw new ArgumentException($"Metadata '{key}' is {d}; JSON has no NaN or infinity, so it cannot be persisted.", nameof(value));
            case JsonElement element:
                return FromElement(element);
            case IDictionary dictionary:
                var map = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
                foreach (DictionaryEntry entry in dictionary)
                {
                    var name = entry.Key as string
                        ?? throw new ArgumentException($"Metadata '{key}' has a key of type {entry.Key.GetType().Name}; only string keys can be persisted.", nameof(value));
                    map[name] = Normalize(entry.Value, key + "." + name);
                }

                return map;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                var fromPairs = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (name, item) in pairs)
                {
                    fromPairs[name] = Normalize(item, key + "." + name);
                }

                return fromPairs;
            case IEnumerable items:
                var list = new List<object?>();
                var index = 0;
                foreach (var item in items)
                {
                    list.Add(Normalize(item, $"{key}[{index++}]"));
                }

                return list;
            default:
                return ViaSerializer(value, key);
        }
    }

    /// <summary>Converts a parsed JSON value to its plain shape: integers without a fraction or exponent become long.</summary>
    public static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => IsIntegerLiteral(element.GetRawText()) && element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromElement(p.Value), StringComparer.Ordinal),
        _ => throw new JsonException($"Unexpected JSON value kind {element.ValueKind}."),
    };

    /// <summary>Writes a plain value; doubles always carry a fraction or exponent so that they read back as doubles.</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                var text = d.ToString("R", CultureInfo.InvariantCulture);
                writer.WriteRawValue(IsIntegerLiteral(text) ? text + ".0" : text);
                break;
            case Dictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (name, item) in map)
                {
                    writer.WritePropertyName(name);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"{value.GetType().Name} is not a plain metadata value; normalize it first.");
        }
    }

    private static bool IsIntegerLiteral(string number) => number.AsSpan().IndexOfAny(".eE") < 0;

    private static object? ViaSerializer(object value, string key)
    {
        JsonElement element;
        try
        {
            element = JsonSerializer.SerializeToElement(value, value.GetType(), DocumentJson.Options);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new ArgumentException($"Metadata '{key}' holds a {value.GetType().Name}, which cannot be persisted as JSON: {ex.Message}", nameof(value), ex);
        }

        return FromElement(element);
    }
}
