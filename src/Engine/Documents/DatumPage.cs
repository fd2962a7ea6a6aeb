using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>Several datums of one resource in columnar form.</summary>
public sealed class DatumPage : Document
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DocumentName Kind => DocumentName.DatumPage;

    /// <summary>Id of each datum.</summary>
    [JsonPropertyName("datum_id")]
    public required List<string> DatumId { get; set; }

    /// <summary>The resource's uid.</summary>
    [JsonPropertyName("resource")]
    public required string Resource { get; set; }

    /// <summary>Column of each handler argument.</summary>
    [JsonPropertyName("datum_kwargs")]
    public Dictionary<string, List<object?>> DatumKwargs { get; set; } = new(StringComparer.Ordinal);
}
