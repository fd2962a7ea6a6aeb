using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>An external file (old-style asset documents) that datums point into.</summary>
public sealed class Resource : Document
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DocumentName Kind => DocumentName.Resource;

    /// <summary>Globally unique id.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; set; }

    /// <summary>The file format handler's spec, e.g. "AD_HDF5".</summary>
    [JsonPropertyName("spec")]
    public required string Spec { get; set; }

    /// <summary>Root directory, not part of the resource path.</summary>
    [JsonPropertyName("root")]
    public required string Root { get; set; }

    /// <summary>Path of the file below the root.</summary>
    [JsonPropertyName("resource_path")]
    public required string ResourcePath { get; set; }

    /// <summary>Arguments for the handler.</summary>
    [JsonPropertyName("resource_kwargs")]
    public Dictionary<string, object?> ResourceKwargs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>"posix" or "windows".</summary>
    [JsonPropertyName("path_semantics")]
    public string PathSemantics { get; set; } = "posix";

    /// <summary>The run's RunStart uid (filled in by the RunEngine).</summary>
    [JsonPropertyName("run_start")]
    public string RunStartUid { get; set; } = string.Empty;
}
