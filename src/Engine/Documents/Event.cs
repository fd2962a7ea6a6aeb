using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>One point of a stream: a reading of every data key of its descriptor.</summary>
public sealed class Event : Document
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DocumentName Kind => DocumentName.Event;

    /// <summary>Globally unique id.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; set; }

    /// <summary>Unix time the event was composed.</summary>
    [JsonPropertyName("time")]
    public required double Time { get; set; }

    /// <summary>The descriptor's uid.</summary>
    [JsonPropertyName("descriptor")]
    public required string Descriptor { get; set; }

    /// <summary>Position in the stream, from 1.</summary>
    [JsonPropertyName("seq_num")]
    public required int SeqNum { get; set; }

    /// <summary>Values by data key.</summary>
    [JsonPropertyName("data")]
    public required Dictionary<string, object?> Data { get; set; }

    /// <summary>Timestamps by data key.</summary>
    [JsonPropertyName("timestamps")]
    public required Dictionary<string, double> Timestamps { get; set; }

    /// <summary>For external data keys: false (not filled) or a datum id.</summary>
    [JsonPropertyName("filled")]
    public Dictionary<string, object> Filled { get; set; } = new(StringComparer.Ordinal);
}
