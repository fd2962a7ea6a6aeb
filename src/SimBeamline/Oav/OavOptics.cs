using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Mx.Oav;

namespace Hyperion.SimBeamline.Oav;

/// <summary>
/// The OAV's calibration by zoom level, read from the beamline's zoom-levels XML and display configuration (the
/// files the OAV device reads), for an image of <see cref="Width"/> × <see cref="Height"/> pixels.
/// </summary>
public sealed class OavOptics
{
    private readonly Dictionary<string, OavZoom> _levels;

    /// <summary>Builds the optics from per-zoom calibrations in GDA's 1024 × 768 window.</summary>
    /// <exception cref="ArgumentException">No zoom levels, or a size that is not positive.</exception>
    public OavOptics(IReadOnlyDictionary<string, ZoomParamsCrosshair> calibration, int width = 1024, int height = 768)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (calibration.Count == 0)
        {
            throw new ArgumentException("The OAV calibration has no zoom levels.", nameof(calibration));
        }

        Width = width;
        Height = height;
        var (windowWidth, windowHeight) = Devices.Mx.Oav.Oav.DefaultOavWindow;
        _levels = calibration.ToDictionary(
            p => p.Key,
            p => new OavZoom(
                p.Key,
                p.Value.MicronsPerPixelX * windowWidth / width,
                p.Value.MicronsPerPixelY * windowHeight / height,
                (int)((double)p.Value.CrosshairX * width / windowWidth),
                (int)((double)p.Value.CrosshairY * height / windowHeight)),
            StringComparer.Ordinal);
    }

    /// <summary>The image width in pixels.</summary>
    public int Width { get; }

    /// <summary>The image height in pixels.</summary>
    public int Height { get; }

    /// <summary>The zoom levels' keys ("1.0", "2.5", ...).</summary>
    public IReadOnlyCollection<string> Levels => _levels.Keys;

    /// <summary>The widest zoom: the level with the most microns per pixel.</summary>
    public OavZoom Widest => _levels.Values.MaxBy(z => z.MicronsPerPixelX)!;

    /// <summary>Reads the calibration files named by <paramref name="configuration"/>.</summary>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="FormatException">A file is malformed.</exception>
    /// <exception cref="KeyNotFoundException">A zoom level of the display configuration is not in the zoom-levels XML.</exception>
    public static OavOptics Load(BeamlineConfiguration configuration, int width = 1024, int height = 768)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var microns = OavConfigBase.ParseZoomLevels(File.ReadAllText(configuration.OavZoomParametersPath), configuration.OavZoomParametersPath);
        var crosshairs = OavConfigBeamCentre.ParseDisplayConfiguration(File.ReadAllText(configuration.OavDisplayConfigurationPath), configuration.OavDisplayConfigurationPath);
        var calibration = new Dictionary<string, ZoomParamsCrosshair>(StringComparer.Ordinal);
        foreach (var (level, (x, y)) in crosshairs)
        {
            var (umX, umY) = microns.TryGetValue(level, out var um)
                ? um
                : throw new KeyNotFoundException($"Zoom level {level} of {configuration.OavDisplayConfigurationPath} is not in {configuration.OavZoomParametersPath}.");
            calibration[level] = new ZoomParamsCrosshair(umX, umY, x, y);
        }

        return new OavOptics(calibration, width, height);
    }

    /// <summary>The optics at <paramref name="level"/> ("5.0x" or "5.0"), or null when the level is not calibrated.</summary>
    public OavZoom? Find(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        return _levels.GetValueOrDefault(OavConfigBase.ZoomKey(level.Trim()));
    }

    /// <summary>The optics at <paramref name="level"/> ("5.0x" or "5.0").</summary>
    /// <exception cref="KeyNotFoundException">The level is not calibrated.</exception>
    public OavZoom this[string level] =>
        Find(level) ?? throw new KeyNotFoundException($"Zoom level '{level}' is not calibrated (known: {string.Join(", ", _levels.Keys)}).");
}
