using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>One object's configuration readings recorded in an EventDescriptor.</summary>
public sealed class DescriptorConfiguration
{
    /// <summary>Configuration values by key.</summary>
    [JsonPropertyName("data")]
    public Dictionary<string, object?> Data { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Timestamps of the values by key.</summary>
    [JsonPropertyName("timestamps")]
    public Dictionary<string, double> Timestamps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Descriptions of the values by key.</summary>
    [JsonPropertyName("data_keys")]
    public Dictionary<string, DataKey> DataKeys { get; set; } = new(StringComparer.Ordinal);
}
