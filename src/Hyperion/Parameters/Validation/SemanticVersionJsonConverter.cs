using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>Writes a <see cref="SemanticVersion"/> as its string and reads it back.</summary>
internal sealed class SemanticVersionJsonConverter : JsonConverter<SemanticVersion>
{
    public override SemanticVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SemanticVersion.TryParse(reader.GetString() ?? "") ?? throw new JsonException("Not a semantic version");

    public override void Write(Utf8JsonWriter writer, SemanticVersion value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
