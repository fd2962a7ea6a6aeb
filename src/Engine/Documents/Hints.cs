using System.Text.Json.Serialization;

namespace Hyperion.Engine.Documents;

/// <summary>
/// Hints about what is interesting: a device's <c>fields</c> (its per-object hints), or a run's
/// <c>dimensions</c> and <c>gridding</c> (in RunStart).
/// </summary>
public sealed record Hints
{
    /// <summary>The interesting data keys of a device.</summary>
    [JsonPropertyName("fields")]
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>The independent axes of a run: each the fields that vary together and their stream.</summary>
    [JsonPropertyName("dimensions")]
    public IReadOnlyList<HintDimension>? Dimensions { get; init; }

    /// <summary>How points are laid out ("rectilinear" or "rectilinear_nonsequential").</summary>
    [JsonPropertyName("gridding")]
    public string? Gridding { get; init; }

    /// <summary>The NeXus class of the device, if any.</summary>
    [JsonPropertyName("NX_class")]
    public string? NxClass { get; init; }
}
