using Hyperion.FakeZocalo.Recipes;

namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// One diffracting region found by X-ray centring: an entry of the <c>results</c> list that DLS's X-ray centring
/// service sends to <c>xrc.i03</c> and dodal's <c>ZocaloResults</c> reads. Coordinates are in grid boxes.
/// Equality compares the coordinate lists element by element.
/// </summary>
/// <param name="CentreOfMass">
/// <c>centre_of_mass</c>: count-weighted (3D) or unweighted (2D) centre, shifted by +0.5 so that box <c>i</c> spans
/// <c>[i, i + 1)</c> and a one-box crystal in box 0 sits at 0.5. Three values in 3D (x, y, z), two in 2D (x, y).
/// </param>
/// <param name="MaxVoxel"><c>max_voxel</c>: integer box coordinates of the region's largest value.</param>
/// <param name="MaxCount">
/// <c>max_count</c>: the largest value (3D: the largest voxel product in the region; 2D: the largest per-image count
/// in the whole grid, as DLS reports it).
/// </param>
/// <param name="NVoxels"><c>n_voxels</c>: boxes in the region.</param>
/// <param name="TotalCount"><c>total_count</c>: sum of the region's above-threshold values.</param>
/// <param name="BoundingBox"><c>bounding_box</c>: the region's half-open box range (3D only; null in 2D).</param>
/// <param name="SampleId"><c>sample_id</c>: the sample the grid was of, or null.</param>
public sealed record XrcResult(
    IReadOnlyList<double> CentreOfMass,
    IReadOnlyList<int> MaxVoxel,
    long MaxCount,
    int NVoxels,
    long TotalCount,
    XrcBoundingBox? BoundingBox,
    long? SampleId)
{
    /// <summary>Value equality, comparing the coordinate lists element by element.</summary>
    public bool Equals(XrcResult? other) =>
        other is not null
        && CentreOfMass.SequenceEqual(other.CentreOfMass)
        && MaxVoxel.SequenceEqual(other.MaxVoxel)
        && MaxCount == other.MaxCount
        && NVoxels == other.NVoxels
        && TotalCount == other.TotalCount
        && Equals(BoundingBox, other.BoundingBox)
        && SampleId == other.SampleId;

    /// <summary>A hash consistent with <see cref="Equals(XrcResult?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in CentreOfMass)
        {
            hash.Add(c);
        }

        foreach (var v in MaxVoxel)
        {
            hash.Add(v);
        }

        hash.Add(MaxCount);
        hash.Add(NVoxels);
        hash.Add(TotalCount);
        hash.Add(BoundingBox);
        hash.Add(SampleId);
        return hash.ToHashCode();
    }

    /// <summary>The entry as it appears on the wire (compact JSON).</summary>
    public override string ToString() => XrcResultsEnvelope.ResultToJson(this);
}
