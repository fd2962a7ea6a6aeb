using Hyperion.FakeZocalo.Centring;

namespace Hyperion.FakeZocalo.Recipes;

/// <summary>
/// The payload DLS's X-ray centring service sends on: <c>{"results": [...], "status": "success", "type": "3d"}</c>.
/// </summary>
/// <param name="Results">The regions found, strongest first; empty when nothing diffracted (never omitted).</param>
/// <param name="Status"><c>status</c>: <c>"success"</c> whenever centring ran.</param>
/// <param name="Type"><c>type</c>: <c>"3d"</c> or <c>"2d"</c>.</param>
public sealed record XrcResultsPayload(IReadOnlyList<XrcResult> Results, string Status = XrcResultsPayload.Success, string Type = CentringOutcome.ThreeD)
{
    /// <summary>The <c>status</c> of a completed centring.</summary>
    public const string Success = "success";

    /// <summary>The payload for a centring outcome.</summary>
    public static XrcResultsPayload From(CentringOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new XrcResultsPayload(outcome.Results, Success, outcome.Type);
    }
}
