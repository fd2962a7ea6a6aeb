using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>Says which frames of a stream resource belong to which events of a stream.</summary>
public sealed class StreamDatum : Document
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DocumentName Kind => DocumentName.StreamDatum;

    /// <summary>Globally unique id.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; set; }

    /// <summary>The stream resource's uid.</summary>
    [JsonPropertyName("stream_resource")]
    public required string StreamResource { get; set; }

    /// <summary>The descriptor's uid (filled in by the RunEngine).</summary>
    [JsonPropertyName("descriptor")]
    public string Descriptor { get; set; } = string.Empty;

    /// <summary>Event sequence numbers covered (filled in by the RunEngine).</summary>
    [JsonPropertyName("seq_nums")]
    public StreamRange SeqNums { get; set; } = new(0, 0);

    /// <summary>Frame indices in the resource.</summary>
    [JsonPropertyName("indices")]
    public required StreamRange Indices { get; set; }
}
