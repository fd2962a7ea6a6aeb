using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>A low/high pair of limits; an absent side is written as null, as event-model's schema requires both keys.</summary>
/// <param name="Low">The low limit.</param>
/// <param name="High">The high limit.</param>
public sealed record LimitsRange(
    [property: JsonPropertyName("low"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Low,
    [property: JsonPropertyName("high"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? High);
