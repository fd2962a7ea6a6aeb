using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>A reference to one piece of data within a resource.</summary>
public sealed class Datum : Document
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DocumentName Kind => DocumentName.Datum;

    /// <summary>Globally unique id, conventionally "{resource}/{n}".</summary>
    [JsonPropertyName("datum_id")]
    public required string DatumId { get; set; }

    /// <summary>The resource's uid.</summary>
    [JsonPropertyName("resource")]
    public required string Resource { get; set; }

    /// <summary>Arguments for the handler to locate the data.</summary>
    [JsonPropertyName("datum_kwargs")]
    public Dictionary<string, object?> DatumKwargs { get; set; } = new(StringComparer.Ordinal);
}
