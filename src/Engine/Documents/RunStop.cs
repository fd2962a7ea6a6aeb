using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>The last document of a run: how it ended and how many events each stream holds.</summary>
public sealed class RunStop : Document
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DocumentName Kind => DocumentName.Stop;

    /// <summary>Globally unique id of this document.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; set; }

    /// <summary>Unix time the run stopped.</summary>
    [JsonPropertyName("time")]
    public required double Time { get; set; }

    /// <summary>The uid of the run's RunStart.</summary>
    [JsonPropertyName("run_start")]
    public required string RunStartUid { get; set; }

    /// <summary>"success", "abort" or "fail".</summary>
    [JsonPropertyName("exit_status")]
    public required string ExitStatus { get; set; }

    /// <summary>Why the run ended (empty on success).</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; set; } = string.Empty;

    /// <summary>Number of events per stream.</summary>
    [JsonPropertyName("num_events")]
    public Dictionary<string, long> NumEvents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Any further fields.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?>? Extra { get; set; }
}
