namespace Hyperion.FakeZocalo.Centring;

/// <summary>What X-ray centring found: the <c>type</c> of analysis and its <c>results</c>.</summary>
/// <param name="Type"><c>"3d"</c> for two orthogonal grids, <c>"2d"</c> for one.</param>
/// <param name="Results">The regions found, strongest first; empty when nothing diffracted.</param>
public sealed record CentringOutcome(string Type, IReadOnlyList<XrcResult> Results)
{
    /// <summary>The <c>type</c> of a two-grid analysis.</summary>
    public const string ThreeD = "3d";

    /// <summary>The <c>type</c> of a one-grid analysis.</summary>
    public const string TwoD = "2d";
}
