using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>EPICS limits of a data key: control, display, warning and alarm ranges, and hysteresis.</summary>
public sealed record Limits
{
    /// <summary>Control (drive) limits.</summary>
    [JsonPropertyName("control")]
    public LimitsRange? Control { get; init; }

    /// <summary>Display limits.</summary>
    [JsonPropertyName("display")]
    public LimitsRange? Display { get; init; }

    /// <summary>Warning limits.</summary>
    [JsonPropertyName("warning")]
    public LimitsRange? Warning { get; init; }

    /// <summary>Alarm limits.</summary>
    [JsonPropertyName("alarm")]
    public LimitsRange? Alarm { get; init; }

    /// <summary>Hysteresis.</summary>
    [JsonPropertyName("hysteresis")]
    public double? Hysteresis { get; init; }
}
