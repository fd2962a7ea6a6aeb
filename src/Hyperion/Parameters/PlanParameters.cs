using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>A plan that Hyperion runs and the model of its parameters.</summary>
/// <param name="PlanName">The plan's name in the REST API (<c>PUT /{plan}/start</c>).</param>
/// <param name="ParameterType">The parameter model.</param>
public sealed record PlanParameters(string PlanName, Type ParameterType)
{
    /// <summary>The JSON schema of the plan's parameters.</summary>
    public JsonObject Schema => ParameterSchemas.For(ParameterType);
}
