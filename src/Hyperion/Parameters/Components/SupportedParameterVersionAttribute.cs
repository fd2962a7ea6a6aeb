using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// The version must have this build's major version: at least <c>6.0.0</c> and below <c>7.0.0</c> (mx-bluesky's
/// <c>_validate_version</c>, except that it also lets <c>7.0.0</c> itself through, which a major-version rule should not).
/// </summary>
public sealed class SupportedParameterVersionAttribute : FieldConstraintAttribute
{
    /// <inheritdoc/>
    public override (string Rule, string Message)? Check(object value)
    {
        if (value is not SemanticVersion version)
        {
            return null;
        }

        var current = MxBlueskyParameters.ParameterVersion;
        if (version < new SemanticVersion(current.Major, 0, 0))
        {
            return ("parameter_version_too_old", $"Parameter version too old! This version of hyperion uses {current}");
        }

        return version >= new SemanticVersion(current.Major + 1, 0, 0)
            ? ("parameter_version_too_new", $"Parameter version too new! This version of hyperion uses {current}")
            : null;
    }

    /// <inheritdoc/>
    public override void Describe(JsonObject schema) =>
        schema["pattern"] = $"^{MxBlueskyParameters.ParameterVersion.Major}\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$";
}
