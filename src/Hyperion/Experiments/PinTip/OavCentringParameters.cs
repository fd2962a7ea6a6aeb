using System.Globalization;

namespace Hyperion.Cli.Experiments.PinTip;

/// <summary>
/// The OAV camera and pin-tip detection settings of one centring context (the fields of dodal's OAVParameters that
/// the centring plans use). <see cref="PinTipCentring"/> and <see cref="XrayCentring"/> are i03's OAVCentring.json
/// in those contexts: a context's own value where it has one, else the file's top-level value.
/// </summary>
/// <param name="Zoom">The zoom level, e.g. 7.5 for "7.5x".</param>
/// <param name="Exposure">The camera's acquire time, s (<c>exposure</c>).</param>
/// <param name="AcquirePeriod">The camera's acquire period, s (<c>acqPeriod</c>).</param>
/// <param name="Gain">The camera's gain.</param>
/// <param name="Preprocess">The blur applied before edge detection (8 = Gaussian, 9 = median).</param>
/// <param name="PreprocessKSize">The blur's kernel size (<c>preProcessKSize</c>).</param>
/// <param name="PreprocessIter">The blur's iterations.</param>
/// <param name="CannyEdgeUpperThreshold">Canny's upper threshold.</param>
/// <param name="CannyEdgeLowerThreshold">Canny's lower threshold (default 5).</param>
/// <param name="CloseKsize">The closing kernel size (default 11).</param>
/// <param name="Direction">The direction the sample is scanned for (0 forward).</param>
/// <param name="MinimumHeight">The least edge separation, in pixels, that counts as sample (<c>minheight</c>).</param>
public sealed record OavCentringParameters(
    double Zoom,
    double Exposure,
    double AcquirePeriod,
    double Gain,
    int Preprocess,
    int PreprocessKSize,
    int PreprocessIter,
    double CannyEdgeUpperThreshold,
    double CannyEdgeLowerThreshold,
    int CloseKsize,
    int Direction,
    int MinimumHeight)
{
    /// <summary>i03's "pinTipCentring" context: zoom 1x, a 21-pixel Gaussian blur, Canny 5–20, minimum height 10.</summary>
    public static OavCentringParameters PinTipCentring { get; } = new(
        Zoom: 1.0, Exposure: 0.075, AcquirePeriod: 0.05, Gain: 1.0, Preprocess: 8, PreprocessKSize: 21, PreprocessIter: 5,
        CannyEdgeUpperThreshold: 20.0, CannyEdgeLowerThreshold: 5.0, CloseKsize: 11, Direction: 0, MinimumHeight: 10);

    /// <summary>i03's "xrayCentring" context: zoom 7.5x, a 31-pixel Gaussian blur, Canny 5–30, closing kernel 3.</summary>
    public static OavCentringParameters XrayCentring { get; } = new(
        Zoom: 7.5, Exposure: 0.075, AcquirePeriod: 0.05, Gain: 1.0, Preprocess: 8, PreprocessKSize: 31, PreprocessIter: 5,
        CannyEdgeUpperThreshold: 30.0, CannyEdgeLowerThreshold: 5.0, CloseKsize: 3, Direction: 0, MinimumHeight: 70);

    /// <summary>The zoom controller's level text, as Python writes <c>f"{float(zoom)}x"</c>: "7.5x", "1.0x".</summary>
    public string ZoomLevel =>
        (Zoom == Math.Floor(Zoom) && Math.Abs(Zoom) < 1e16
            ? Zoom.ToString("0.0", CultureInfo.InvariantCulture)
            : Zoom.ToString("R", CultureInfo.InvariantCulture)) + "x";
}
