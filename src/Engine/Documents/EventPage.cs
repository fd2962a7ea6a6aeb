using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>Several events of one stream in columnar form.</summary>
public sealed class EventPage : Document
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DocumentName Kind => DocumentName.EventPage;

    /// <summary>Uid of each event.</summary>
    [JsonPropertyName("uid")]
    public required List<string> Uid { get; set; }

    /// <summary>Time of each event.</summary>
    [JsonPropertyName("time")]
    public required List<double> Time { get; set; }

    /// <summary>The descriptor's uid.</summary>
    [JsonPropertyName("descriptor")]
    public required string Descriptor { get; set; }

    /// <summary>Sequence number of each event.</summary>
    [JsonPropertyName("seq_num")]
    public required List<int> SeqNum { get; set; }

    /// <summary>Column of values per data key.</summary>
    [JsonPropertyName("data")]
    public required Dictionary<string, List<object?>> Data { get; set; }

    /// <summary>Column of timestamps per data key.</summary>
    [JsonPropertyName("timestamps")]
    public required Dictionary<string, List<double>> Timestamps { get; set; }

    /// <summary>Column of filled flags per external data key.</summary>
    [JsonPropertyName("filled")]
    public Dictionary<string, List<object>> Filled { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Number of events in the page.</summary>
    [JsonIgnore]
    public int Count => Uid.Count;
}
