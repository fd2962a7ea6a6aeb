using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>A half-open range [start, stop) of indices or sequence numbers.</summary>
/// <param name="Start">First index.</param>
/// <param name="Stop">One past the last index.</param>
public sealed record StreamRange(
    [property: JsonPropertyName("start")] long Start,
    [property: JsonPropertyName("stop")] long Stop)
{
    /// <summary>The number of entries in the range.</summary>
    [JsonIgnore]
    public long Length => Stop - Start;
}
