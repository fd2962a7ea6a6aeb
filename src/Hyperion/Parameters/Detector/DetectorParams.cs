using System.Globalization;
using System.Text.RegularExpressions;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// The detector's settings for one experiment (dodal's DetectorParams), derived from its parameters.
/// </summary>
/// <param name="ExpectedEnergyEv">The beam energy the detector expects, eV, or null.</param>
/// <param name="ExposureTimeS">Exposure per image, s.</param>
/// <param name="Directory">Where the files go.</param>
/// <param name="Prefix">The files' name prefix.</param>
/// <param name="DetectorDistance">Sample-to-detector distance, mm.</param>
/// <param name="OmegaStart">The first image's omega, degrees.</param>
/// <param name="OmegaIncrement">Omega per image, degrees.</param>
/// <param name="NumImagesPerTrigger">Images per trigger.</param>
/// <param name="NumTriggers">Triggers.</param>
/// <param name="UseRoiMode">Whether only the region of interest is read out.</param>
/// <param name="DetDistToBeamConverterPath">The detector-distance-to-beam-centre lookup table.</param>
/// <param name="OverrideRunNumber">The run number, or null to take the next free one.</param>
/// <param name="TriggerMode">The trigger mode.</param>
/// <param name="DetectorSizeConstants">The detector's size.</param>
/// <param name="EnableDevShm">Whether frames also go to /dev/shm for GPU analysis.</param>
public sealed partial record DetectorParams(
    double? ExpectedEnergyEv,
    double ExposureTimeS,
    string Directory,
    string Prefix,
    double DetectorDistance,
    double OmegaStart,
    double OmegaIncrement,
    int NumImagesPerTrigger,
    int NumTriggers,
    bool UseRoiMode,
    string DetDistToBeamConverterPath,
    int? OverrideRunNumber = null,
    TriggerMode TriggerMode = TriggerMode.SetFrames,
    DetectorSizeConstants? DetectorSizeConstants = null,
    bool EnableDevShm = false)
{
    /// <summary>The beam-centre lookup table's path on a DLS beamline (dodal's BEAM_XY_LUT_PATH).</summary>
    public static string BeamXyLutPath(string beamline) =>
        $"/dls_sw/{beamline}/software/daq_configuration/lookup/DetDistToBeamXYConverter.txt";

    /// <summary>The detector's size (an Eiger2 X 16M unless given).</summary>
    public DetectorSizeConstants Size => DetectorSizeConstants ?? DetectorSizeConstants.Eiger2X16M;

    /// <summary>All images the detector takes.</summary>
    public int FullNumberOfImages => NumTriggers * NumImagesPerTrigger;

    /// <summary>The detector's readout size in pixels (the region of interest in ROI mode).</summary>
    public DetectorSize DetectorSizePixels => UseRoiMode ? Size.RoiSizePixels : Size.DetSizePixels;

    /// <summary>The run number: the override, or one past the highest run among <paramref name="existingFileNames"/>
    /// (NeXus files named <c>{prefix}_{n}.nxs</c>), as dodal's get_run_number finds it.</summary>
    public int RunNumber(IEnumerable<string> existingFileNames)
    {
        ArgumentNullException.ThrowIfNull(existingFileNames);
        if (OverrideRunNumber is { } run)
        {
            return run;
        }

        var numbers = existingFileNames
            .Where(f => f.EndsWith(".nxs", StringComparison.Ordinal) && f.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(f => RunSuffix().Match(f[..^4]))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();
        return numbers.Count == 0 ? 1 : numbers.Max() + 1;
    }

    /// <summary>The files' full name, <c>{prefix}_{run}</c>.</summary>
    public string FullFilename(int runNumber) => $"{Prefix}_{runNumber}";

    [GeneratedRegex(@"_(\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RunSuffix();
}
