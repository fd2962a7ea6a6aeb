using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>
/// The first document of a run: its uid, start time and all of its metadata (plan name, scan id, hints
/// and whatever the plan, the call and the persistent store supplied).
/// </summary>
public sealed class RunStart : Document
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DocumentName Kind => DocumentName.Start;

    /// <summary>Globally unique id of the run.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; set; }

    /// <summary>Unix time the run started.</summary>
    [JsonPropertyName("time")]
    public required double Time { get; set; }

    /// <summary>Every other field of the document, in event-model's names.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> Metadata { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The run's scan id, if any.</summary>
    [JsonIgnore]
    public long? ScanId => Metadata.TryGetValue("scan_id", out var v) ? MetadataValues.AsInt64(v) : null;

    /// <summary>The plan's name (<c>plan_name</c>).</summary>
    [JsonIgnore]
    public string? PlanName => MetadataValues.AsString(Metadata.GetValueOrDefault("plan_name"));

    /// <summary>Reads a metadata field as a string, or null.</summary>
    public string? GetString(string key) => MetadataValues.AsString(Metadata.GetValueOrDefault(key));
}
