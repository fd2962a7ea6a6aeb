using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>Writes a hint dimension as bluesky does: a two-element array <c>[[fields...], stream]</c>.</summary>
internal sealed class HintDimensionConverter : JsonConverter<HintDimension>
{
    public override HintDimension Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 2)
        {
            throw new JsonException("A hint dimension must be a two-element array: [[fields...], stream].");
        }

        var fields = root[0].EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();
        return new HintDimension(fields, root[1].GetString() ?? "primary");
    }

    public override void Write(Utf8JsonWriter writer, HintDimension value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStartArray();
        foreach (var field in value.Fields)
        {
            writer.WriteStringValue(field);
        }

        writer.WriteEndArray();
        writer.WriteStringValue(value.Stream);
        writer.WriteEndArray();
    }
}
