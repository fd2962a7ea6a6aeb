using System.Text.Json.Serialization;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// One scheduled fault of a fault file: when (seconds of twin time after the schedule starts), what, and its
/// arguments. Kinds: beam_dump, beam_restore, light_curtain, empty_position (puck, pin), motor_limits (pv, low,
/// high: soft limits that refuse moves beyond them), limit_switch and limit_switch_release (pv, side: high or
/// low), motor_stall and motor_unstall (pv), pv_disconnect and pv_reconnect (pv: a name or a pattern with * and ?),
/// detector_arm_failure (count: how many arms fail), slow_file_writes (mb_per_s; 0 lifts the limit).
/// </summary>
public sealed record FaultDefinition
{
    /// <summary>Seconds of twin time after the schedule starts.</summary>
    [JsonPropertyName("at_s")]
    public double AtSeconds { get; init; }

    /// <summary>The kind of fault.</summary>
    [JsonPropertyName("fault")]
    public required string Fault { get; init; }

    /// <summary>A puck (empty_position).</summary>
    [JsonPropertyName("puck")]
    public int? Puck { get; init; }

    /// <summary>A pin (empty_position).</summary>
    [JsonPropertyName("pin")]
    public int? Pin { get; init; }

    /// <summary>A motor record (motor_limits, limit_switch, motor_stall) or a PV name pattern (pv_disconnect).</summary>
    [JsonPropertyName("pv")]
    public string? Pv { get; init; }

    /// <summary>A low soft limit (motor_limits).</summary>
    [JsonPropertyName("low")]
    public double? Low { get; init; }

    /// <summary>A high soft limit (motor_limits).</summary>
    [JsonPropertyName("high")]
    public double? High { get; init; }

    /// <summary>Which limit switch (limit_switch): high or low.</summary>
    [JsonPropertyName("side")]
    public string? Side { get; init; }

    /// <summary>How many arms fail (detector_arm_failure; default 1).</summary>
    [JsonPropertyName("count")]
    public int? Count { get; init; }

    /// <summary>The file system's write rate in MB/s (slow_file_writes; 0 lifts the limit).</summary>
    [JsonPropertyName("mb_per_s")]
    public double? MegabytesPerSecond { get; init; }
}
