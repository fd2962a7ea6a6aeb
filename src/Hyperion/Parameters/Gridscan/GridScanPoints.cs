namespace Hyperion.Cli.Parameters;

/// <summary>The sample positions of one grid's images, in acquisition order (rows along x, snaked), µm.</summary>
/// <param name="SamX">Each image's sample x.</param>
/// <param name="SamY">Each image's sample y.</param>
/// <param name="SamZ">Each image's sample z.</param>
public sealed record GridScanPoints(IReadOnlyList<double> SamX, IReadOnlyList<double> SamY, IReadOnlyList<double> SamZ)
{
    /// <summary>The number of images.</summary>
    public int Count => SamX.Count;
}
