namespace Hyperion.Cli.Experiments.LoadCentreCollect;

/// <summary>
/// One crystal found by X-ray centring (mx-bluesky's XRayCentreResult), as the flyscan publishes it in the
/// <c>xray_centre_results</c> run's start document.
/// </summary>
/// <param name="CentreOfMassMm">The centre of mass, mm (x, y, z).</param>
/// <param name="BoundingBoxMm">Opposite corners of the crystal's bounding box, mm.</param>
/// <param name="MaxCount">The most spots in any one grid box of the crystal.</param>
/// <param name="TotalCount">The spots in all its boxes.</param>
/// <param name="SampleId">The sample the centre belongs to, or null when none was assigned.</param>
public sealed record XRayCentreResult(
    IReadOnlyList<double> CentreOfMassMm,
    (IReadOnlyList<double> Min, IReadOnlyList<double> Max) BoundingBoxMm,
    long MaxCount,
    long TotalCount,
    long? SampleId)
{
    /// <summary>The result as the flyscan writes it into run metadata (Python's <c>dataclasses.asdict</c>).</summary>
    public Dictionary<string, object?> ToMetadata() => new(StringComparer.Ordinal)
    {
        ["centre_of_mass_mm"] = CentreOfMassMm.Cast<object?>().ToList(),
        ["bounding_box_mm"] = new List<object?> { BoundingBoxMm.Min.Cast<object?>().ToList(), BoundingBoxMm.Max.Cast<object?>().ToList() },
        ["max_count"] = MaxCount,
        ["total_count"] = TotalCount,
        ["sample_id"] = SampleId,
    };

    /// <inheritdoc/>
    public bool Equals(XRayCentreResult? other) =>
        other is not null && MaxCount == other.MaxCount && TotalCount == other.TotalCount && SampleId == other.SampleId
        && CentreOfMassMm.SequenceEqual(other.CentreOfMassMm)
        && BoundingBoxMm.Min.SequenceEqual(other.BoundingBoxMm.Min) && BoundingBoxMm.Max.SequenceEqual(other.BoundingBoxMm.Max);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MaxCount, TotalCount, SampleId, CentreOfMassMm.Count > 0 ? CentreOfMassMm[0] : 0);
}
