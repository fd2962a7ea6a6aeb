using System.Globalization;
using System.Xml.Linq;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// The OAV's per-zoom calibration from GDA's zoom-levels XML (jCameraManZoomLevels.xml), as dodal's OAVConfigBase
/// reads it: every <c>zoomLevel</c> element gives <c>level</c>, <c>micronsPerXPixel</c> and <c>micronsPerYPixel</c>,
/// keyed by Python's <c>str(float(level))</c> ("1.0", "2.5").
/// </summary>
public abstract class OavConfigBase
{
    /// <summary>Creates the configuration over the zoom-levels XML at <paramref name="zoomParamsFile"/>.</summary>
    protected OavConfigBase(string zoomParamsFile)
    {
        ArgumentNullException.ThrowIfNull(zoomParamsFile);
        ZoomParamsFile = zoomParamsFile;
    }

    /// <summary>The zoom-levels XML file.</summary>
    public string ZoomParamsFile { get; }

    /// <summary>Reads the files and gives the calibration by zoom key ("1.0").</summary>
    public abstract Task<IReadOnlyDictionary<string, ZoomParams>> GetParametersAsync(CancellationToken cancellationToken = default);

    /// <summary>Microns per pixel (x, y) by zoom key, from the zoom-levels XML file.</summary>
    protected async Task<IReadOnlyDictionary<string, (double X, double Y)>> ReadZoomParamsAsync(CancellationToken cancellationToken)
    {
        var xml = await File.ReadAllTextAsync(ZoomParamsFile, cancellationToken).ConfigureAwait(false);
        return ParseZoomLevels(xml, ZoomParamsFile);
    }

    /// <summary>Parses zoom-levels XML text: microns per pixel (x, y) by zoom key.</summary>
    /// <exception cref="FormatException">A zoom level lacks one of the elements, or one is not a number.</exception>
    public static IReadOnlyDictionary<string, (double X, double Y)> ParseZoomLevels(string xml, string source = "zoom levels")
    {
        var document = XDocument.Parse(xml);
        var levels = new Dictionary<string, (double, double)>();
        foreach (var node in document.Descendants("zoomLevel"))
        {
            var zoom = PythonFormat.Float(Element(node, "level", source));
            levels[zoom] = (Element(node, "micronsPerXPixel", source), Element(node, "micronsPerYPixel", source));
        }

        return levels;
    }

    /// <summary>dodal's <c>_get_correct_zoom_string</c>: "5.0x" becomes "5.0" (Python's strip("x"), so from both ends).</summary>
    public static string ZoomKey(string zoom)
    {
        ArgumentNullException.ThrowIfNull(zoom);
        return zoom.EndsWith('x') ? zoom.Trim('x') : zoom;
    }

    private static double Element(XElement node, string name, string source)
    {
        var text = node.Element(name)?.Value
            ?? throw new FormatException($"{source}: a zoomLevel has no <{name}> element.");
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{source}: <{name}> of a zoomLevel is '{text}', not a number.");
    }
}
