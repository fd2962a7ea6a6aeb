using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>A low/high pair of limits (either may be absent).</summary>
/// <param name="Low">The low limit.</param>
/// <param name="High">The high limit.</param>
public sealed record LimitsRange(
    [property: JsonPropertyName("low")] double? Low,
    [property: JsonPropertyName("high")] double? High);
