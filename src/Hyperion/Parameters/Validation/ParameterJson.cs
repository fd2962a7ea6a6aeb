using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hyperion.Cli.Parameters;

/// <summary>The JSON conventions of the parameter models: snake_case names, enums by label, nulls written (as pydantic's
/// <c>model_dump_json</c> writes them).</summary>
public static class ParameterJson
{
    /// <summary>Serializer options for parameter models (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            WriteIndented = false,
        };
        options.Converters.Add(new EnumLabelConverterFactory());
        options.Converters.Add(new SemanticVersionJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
