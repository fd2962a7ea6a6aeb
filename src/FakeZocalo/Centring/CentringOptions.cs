namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// The knobs of DLS's X-ray centring, with its recipe parameter names and defaults.
/// </summary>
/// <param name="Threshold">
/// <c>threshold</c>: a 3D voxel is kept when its count is at least this fraction of the largest voxel (default 0.25).
/// 2D centring ignores it and uses half the largest count, as DLS's service does.
/// </param>
/// <param name="AbsoluteThreshold">
/// <c>threshold_absolute</c>: per-image counts below this are zeroed before the 3D product (default 0).
/// </param>
/// <param name="SampleId">The sample the grid scan was of (<c>sample_id</c>), copied into every result; null for none.</param>
public sealed record CentringOptions(double Threshold = 0.25, double AbsoluteThreshold = 0, long? SampleId = null)
{
    /// <summary>DLS's defaults: threshold 0.25, no absolute threshold, no sample.</summary>
    public static CentringOptions Default { get; } = new();

    /// <summary>Throws <see cref="CentringInputException"/> for a negative or non-finite threshold.</summary>
    internal void Validate()
    {
        if (!double.IsFinite(Threshold) || Threshold < 0)
        {
            throw new CentringInputException("threshold", $"must be a finite number ≥ 0, got {Threshold}");
        }

        if (!double.IsFinite(AbsoluteThreshold) || AbsoluteThreshold < 0)
        {
            throw new CentringInputException("threshold_absolute", $"must be a finite number ≥ 0, got {AbsoluteThreshold}");
        }
    }
}
