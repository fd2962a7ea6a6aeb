using System.Globalization;

namespace Hyperion.Devices.Mx.Oav;

/// <summary>
/// The OAV calibration with beam centres (dodal's OAVConfigBeamCentre): microns per pixel from the zoom-levels XML
/// and crosshairs from GDA's display.configuration. The zoom levels are those of the display configuration; one
/// missing from the XML is a <see cref="KeyNotFoundException"/>, as dodal's KeyError.
/// </summary>
public sealed class OavConfigBeamCentre : OavConfigBase
{
    /// <summary>Creates the configuration over the two files.</summary>
    public OavConfigBeamCentre(string zoomParamsFile, string displayConfigFile)
        : base(zoomParamsFile)
    {
        ArgumentNullException.ThrowIfNull(displayConfigFile);
        DisplayConfigFile = displayConfigFile;
    }

    /// <summary>The display.configuration file.</summary>
    public string DisplayConfigFile { get; }

    /// <inheritdoc/>
    public override async Task<IReadOnlyDictionary<string, ZoomParams>> GetParametersAsync(CancellationToken cancellationToken = default) =>
        (await GetBeamCentreParametersAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Key, p => (ZoomParams)p.Value);

    /// <summary>Reads the files: microns per pixel and crosshair by zoom key.</summary>
    public async Task<IReadOnlyDictionary<string, ZoomParamsCrosshair>> GetBeamCentreParametersAsync(CancellationToken cancellationToken = default)
    {
        var microns = await ReadZoomParamsAsync(cancellationToken).ConfigureAwait(false);
        var display = await File.ReadAllTextAsync(DisplayConfigFile, cancellationToken).ConfigureAwait(false);
        var parameters = new Dictionary<string, ZoomParamsCrosshair>();
        foreach (var (zoom, (x, y)) in ParseDisplayConfiguration(display, DisplayConfigFile))
        {
            if (!microns.TryGetValue(zoom, out var umPerPixel))
            {
                throw new KeyNotFoundException($"Zoom level {zoom} of {DisplayConfigFile} is not in {ZoomParamsFile}.");
            }

            parameters[zoom] = new ZoomParamsCrosshair(umPerPixel.X, umPerPixel.Y, x, y);
        }

        return parameters;
    }

    /// <summary>
    /// Parses display.configuration text as dodal does: each line starting "zoomLevel" gives the key after " = ",
    /// and the next two lines give crosshair x and y after " = ".
    /// </summary>
    /// <exception cref="FormatException">A zoom level is not followed by two "name = integer" lines.</exception>
    public static IReadOnlyDictionary<string, (int X, int Y)> ParseDisplayConfiguration(string text, string source = "display configuration")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var crosshairs = new Dictionary<string, (int, int)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("zoomLevel", StringComparison.Ordinal))
            {
                var zoom = ValueOf(lines, i, source).Trim();
                crosshairs[zoom] = (Integer(lines, i + 1, source), Integer(lines, i + 2, source));
            }
        }

        return crosshairs;
    }

    private static string ValueOf(string[] lines, int index, string source)
    {
        var parts = index < lines.Length ? lines[index].Split(" = ") : [];
        return parts.Length >= 2
            ? parts[1]
            : throw new FormatException($"{source} line {index + 1}: expected 'name = value' after a zoomLevel line.");
    }

    private static int Integer(string[] lines, int index, string source)
    {
        var text = ValueOf(lines, index, source);
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{source} line {index + 1}: '{text.Trim()}' is not an integer.");
    }
}
