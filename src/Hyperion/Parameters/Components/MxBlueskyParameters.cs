using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// The root of every experiment's parameters (mx-bluesky's MxBlueskyParameters): the parameter model version, which
/// must have this build's major version, and any undeclared fields, which are kept (pydantic's <c>extra="allow"</c>).
/// </summary>
[ExtraFields(ExtraFieldPolicy.Allow)]
public abstract record MxBlueskyParameters : ParameterModel
{
    /// <summary>The parameter model version this build implements.</summary>
    public static SemanticVersion ParameterVersion { get; } = new(6, 0, 0);

    /// <summary>The version the document was written for (<c>parameter_model_version</c>; required, major 6).</summary>
    [RequiredField]
    [SupportedParameterVersion]
    public SemanticVersion ParameterModelVersion { get; init; } = ParameterVersion;

    /// <summary>Fields the model does not declare, kept as given.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtraFields { get; init; }
}
