namespace Hyperion.Cli.Experiments.Snapshots;

/// <summary>
/// The OAV camera settings snapshots are taken with (the fields of dodal's OAVParameters that setup_general_oav_params
/// uses). The defaults are i03's OAVCentring.json in the "xrayCentring" context.
/// </summary>
/// <param name="Zoom">The zoom level, e.g. 7.5 for "7.5x".</param>
/// <param name="Exposure">The camera's acquire time, s.</param>
/// <param name="AcquirePeriod">The camera's acquire period, s.</param>
/// <param name="Gain">The camera's gain.</param>
public sealed record OavSnapshotParameters(double Zoom = 7.5, double Exposure = 0.075, double AcquirePeriod = 0.05, double Gain = 1.0)
{
    /// <summary>The zoom controller's level text, as Python writes <c>f"{float(zoom)}x"</c>: "7.5x", "1.0x".</summary>
    public string ZoomLevel =>
        (Zoom == Math.Floor(Zoom) && Math.Abs(Zoom) < 1e16
            ? Zoom.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
            : Zoom.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) + "x";
}
