using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>Describes one stream of events: its name, data keys, the configuration of its objects and hints.</summary>
public sealed class EventDescriptor : Document
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DocumentName Kind => DocumentName.Descriptor;

    /// <summary>Globally unique id.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; set; }

    /// <summary>Unix creation time.</summary>
    [JsonPropertyName("time")]
    public required double Time { get; set; }

    /// <summary>The run's RunStart uid.</summary>
    [JsonPropertyName("run_start")]
    public required string RunStartUid { get; set; }

    /// <summary>The stream name, e.g. "primary" or "baseline".</summary>
    [JsonPropertyName("name")]
    public required string Name { get; set; }

    /// <summary>Describes each field of the stream's events.</summary>
    [JsonPropertyName("data_keys")]
    public Dictionary<string, DataKey> DataKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Configuration readings of each object in the stream.</summary>
    [JsonPropertyName("configuration")]
    public Dictionary<string, DescriptorConfiguration> Configuration { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per-object hints.</summary>
    [JsonPropertyName("hints")]
    public Dictionary<string, Hints> Hints { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Which data keys each object produces, in order.</summary>
    [JsonPropertyName("object_keys")]
    public Dictionary<string, List<string>> ObjectKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each object's type name.</summary>
    [JsonPropertyName("object_classes")]
    public Dictionary<string, string> ObjectClasses { get; set; } = new(StringComparer.Ordinal);
}
