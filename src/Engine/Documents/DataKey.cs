using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>
/// Describes one field of a stream's events (event-model's DataKey): its JSON type, shape, source and,
/// where known, numpy dtype, units, precision, limits and enum choices.
/// </summary>
public sealed record DataKey
{
    /// <summary>Broad JSON type: "string", "number", "array", "boolean" or "integer".</summary>
    [JsonPropertyName("dtype")]
    public required string Dtype { get; init; }

    /// <summary>Shape; empty for scalars, null entries for variable-length dimensions.</summary>
    [JsonPropertyName("shape")]
    public required IReadOnlyList<int?> Shape { get; init; }

    /// <summary>Where the data comes from, e.g. "ca://BL03S-MO-SGON-01:X.RBV" or "SIM:x".</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>Where externally stored data lives ("STREAM:" for StreamResource data), or null.</summary>
    [JsonPropertyName("external")]
    public string? External { get; init; }

    /// <summary>The numpy dtype, e.g. "&lt;f8".</summary>
    [JsonPropertyName("dtype_numpy")]
    public string? DtypeNumpy { get; init; }

    /// <summary>Engineering units.</summary>
    [JsonPropertyName("units")]
    public string? Units { get; init; }

    /// <summary>Digits after the decimal point.</summary>
    [JsonPropertyName("precision")]
    public int? Precision { get; init; }

    /// <summary>EPICS limits.</summary>
    [JsonPropertyName("limits")]
    public Limits? Limits { get; init; }

    /// <summary>Enum choices.</summary>
    [JsonPropertyName("choices")]
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Names of the dimensions.</summary>
    [JsonPropertyName("dims")]
    public IReadOnlyList<string>? Dims { get; init; }

    /// <summary>The object the key was read from (filled in by the RunEngine).</summary>
    [JsonPropertyName("object_name")]
    public string? ObjectName { get; init; }

    /// <summary>A scalar number data key.</summary>
    public static DataKey Number(string source, string? units = null, int? precision = null) =>
        new() { Dtype = "number", Shape = [], Source = source, DtypeNumpy = "<f8", Units = units, Precision = precision };

    /// <summary>A scalar integer data key.</summary>
    public static DataKey Integer(string source) =>
        new() { Dtype = "integer", Shape = [], Source = source, DtypeNumpy = "<i8" };

    /// <summary>A scalar string data key.</summary>
    public static DataKey String(string source) =>
        new() { Dtype = "string", Shape = [], Source = source, DtypeNumpy = "|S40" };

    /// <summary>True when the data is stored outside the events in a StreamResource.</summary>
    [JsonIgnore]
    public bool IsStream => External == "STREAM:";

    /// <summary>True when the data is stored outside the events (resource/datum or stream).</summary>
    [JsonIgnore]
    public bool IsExternal => !string.IsNullOrEmpty(External);
}
