using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>How load-centre-collect chooses which crystals to collect from, by <c>name</c> (mx-bluesky's
/// MultiXtalSelection and its <c>select_centres</c> union).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "name")]
[JsonDerivedType(typeof(TopNByMaxCountSelection), "TopNByMaxCount")]
[JsonDerivedType(typeof(TopNByMaxCountForEachSampleSelection), "TopNByMaxCountForEachSample")]
public abstract record MultiXtalSelection : ParameterModel
{
    /// <summary>Whether finding no crystal is not an error (<c>ignore_xtal_not_found</c>; default false).</summary>
    public bool IgnoreXtalNotFound { get; init; }
}
