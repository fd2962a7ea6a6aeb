using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>An external file holding the frames of one data key (e.g. a detector's HDF5 file).</summary>
public sealed class StreamResource : Document
{
    /// <inheritdoc />
    [JsonIgnore]
    public override DocumentName Kind => DocumentName.StreamResource;

    /// <summary>Globally unique id.</summary>
    [JsonPropertyName("uid")]
    public required string Uid { get; set; }

    /// <summary>The descriptor data key whose data the file holds.</summary>
    [JsonPropertyName("data_key")]
    public required string DataKey { get; set; }

    /// <summary>The file's media type, e.g. "application/x-hdf5".</summary>
    [JsonPropertyName("mimetype")]
    public required string Mimetype { get; set; }

    /// <summary>Where the file is, e.g. "file://localhost/dls/i03/data/x.h5".</summary>
    [JsonPropertyName("uri")]
    public required string Uri { get; set; }

    /// <summary>Reader parameters, e.g. the dataset path inside the file.</summary>
    [JsonPropertyName("parameters")]
    public Dictionary<string, object?> Parameters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The run's RunStart uid (filled in by the RunEngine).</summary>
    [JsonPropertyName("run_start")]
    public string RunStartUid { get; set; } = string.Empty;
}
