using System.Globalization;
using System.Text;

namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>
/// One crystal found by zocalo's X-ray centring (dodal's XrcResult). Grid-box centres lie on integer + 0.5 in
/// the raw centre of mass. The bounding box is half-open, [[x1, y1, z1], [x2, y2, z2]] with p1 ≤ p &lt; p2.
/// </summary>
/// <param name="CentreOfMass">The centre of mass, in grid coordinates.</param>
/// <param name="MaxVoxel">The voxel with the highest count.</param>
/// <param name="MaxCount">The highest count in a voxel.</param>
/// <param name="NVoxels">How many voxels the crystal covers.</param>
/// <param name="TotalCount">The count over the crystal.</param>
/// <param name="BoundingBox">The two corners of the bounding box.</param>
/// <param name="SampleId">The ISPyB sample id, when zocalo gives one (newest dodal).</param>
public sealed record XrcResult(
    IReadOnlyList<double> CentreOfMass,
    IReadOnlyList<long> MaxVoxel,
    long MaxCount,
    long NVoxels,
    long TotalCount,
    IReadOnlyList<IReadOnlyList<long>> BoundingBox,
    long? SampleId = null)
{
    /// <summary>The bounding box's size in voxels along each axis (dodal's bbox_size).</summary>
    public IReadOnlyList<long> BboxSize() => [.. Enumerable.Range(0, 3).Select(i => Math.Abs(BoundingBox[1][i] - BoundingBox[0][i]))];

    /// <summary>The value ranked by <paramref name="key"/>.</summary>
    public long SortValue(SortKeys key) => key switch
    {
        SortKeys.MaxCount => MaxCount,
        SortKeys.TotalCount => TotalCount,
        SortKeys.NVoxels => NVoxels,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown sort key"),
    };

    /// <summary>Whether every field matches <paramref name="other"/>, numbers to within <paramref name="epsilon"/> (as DeepDiff's math_epsilon).</summary>
    public bool IsCloseTo(XrcResult other, double epsilon = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(other);
        static bool Close(IReadOnlyList<double> a, IReadOnlyList<double> b, double e) => a.Count == b.Count && a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= e);
        static IReadOnlyList<double> D(IEnumerable<long> v) => [.. v.Select(x => (double)x)];
        return Close(CentreOfMass, other.CentreOfMass, epsilon)
            && Close(D(MaxVoxel), D(other.MaxVoxel), epsilon)
            && Math.Abs(MaxCount - other.MaxCount) <= epsilon
            && Math.Abs(NVoxels - other.NVoxels) <= epsilon
            && Math.Abs(TotalCount - other.TotalCount) <= epsilon
            && BoundingBox.Count == other.BoundingBox.Count
            && BoundingBox.Zip(other.BoundingBox).All(p => Close(D(p.First), D(p.Second), epsilon))
            && SampleId == other.SampleId;
    }

    /// <summary>As the Python dict prints, so log lines read as dodal's.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{");
        text.Append("'centre_of_mass': ").Append(List(CentreOfMass.Select(Float)));
        text.Append(", 'max_voxel': ").Append(List(MaxVoxel.Select(Int)));
        text.Append(", 'max_count': ").Append(MaxCount);
        text.Append(", 'n_voxels': ").Append(NVoxels);
        text.Append(", 'total_count': ").Append(TotalCount);
        text.Append(", 'bounding_box': ").Append(List(BoundingBox.Select(c => List(c.Select(Int)))));
        if (SampleId is { } id)
        {
            text.Append(", 'sample_id': ").Append(id);
        }

        return text.Append('}').ToString();
    }

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Float(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;
    }
}
