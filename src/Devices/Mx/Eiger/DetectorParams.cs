using System.Text.RegularExpressions;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>
/// What the Eiger is armed with for one collection (dodal's DetectorParams): exposure, file location and name,
/// geometry for the header, image counts and ROI mode. <see cref="Directory"/> must exist and is normalised to end
/// in one '/'; the beam-centre table is read from <see cref="DetDistToBeamConverterPath"/> unless
/// <see cref="BeamXYConverter"/> is given.
/// </summary>
public sealed partial record DetectorParams
{
    private readonly string _directory = string.Empty;
    private readonly string _converterPath = string.Empty;
    private readonly DetDistToBeamXYConverter? _converter;
    private readonly Lazy<DetDistToBeamXYConverter?> _loadedConverter = new(() => null);

    /// <summary>The beam energy the detector threshold is set for, in eV (expected_energy_ev).</summary>
    public double? ExpectedEnergyEv { get; init; }

    /// <summary>Exposure (and period) per image, in s (exposure_time_s).</summary>
    public required double ExposureTimeS { get; init; }

    /// <summary>Where Odin writes: an existing directory, stored with a trailing '/'.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public required string Directory
    {
        get => _directory;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!System.IO.Directory.Exists(value))
            {
                throw new DirectoryNotFoundException($"Specified directory '{value}' does not exist");
            }

            // Python's f"{Path(directory)}/": one trailing slash, whatever was given.
            _directory = Path.TrimEndingDirectorySeparator(value) + "/";
        }
    }

    /// <summary>The file name prefix; files are {prefix}_{run_number}.</summary>
    public required string Prefix { get; init; }

    /// <summary>Detector distance in mm.</summary>
    public required double DetectorDistance { get; init; }

    /// <summary>Omega at the first image, in degrees.</summary>
    public required double OmegaStart { get; init; }

    /// <summary>Omega step per image, in degrees.</summary>
    public required double OmegaIncrement { get; init; }

    /// <summary>Images per trigger.</summary>
    public required int NumImagesPerTrigger { get; init; }

    /// <summary>Triggers in the collection.</summary>
    public required int NumTriggers { get; init; }

    /// <summary>Whether to read out only the 4M region of interest.</summary>
    public required bool UseRoiMode { get; init; }

    /// <summary>The beam-centre lookup table file (det_dist_to_beam_converter_path).</summary>
    public required string DetDistToBeamConverterPath
    {
        get => _converterPath;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _converterPath = value;
            _loadedConverter = new Lazy<DetDistToBeamXYConverter?>(
                () => value.Length == 0 ? null : DetDistToBeamXYConverter.FromFile(value));
        }
    }

    /// <summary>The run number to use instead of the next free one (alias run_number in dodal).</summary>
    public int? OverrideRunNumber { get; init; }

    /// <summary>How the collection ends.</summary>
    public TriggerMode TriggerMode { get; init; } = TriggerMode.SetFrames;

    /// <summary>The detector's sizes (EIGER2 X 16M unless told).</summary>
    public DetectorSizeConstants? DetectorSizeConstants { get; init; } = DetectorSizeConstants.Eiger2X16MSize;

    /// <summary>Whether the fan streams to /dev/shm as well.</summary>
    public bool EnableDevShm { get; init; }

    /// <summary>The beam-centre converter: the one given, else the table at <see cref="DetDistToBeamConverterPath"/> (read once).</summary>
    public DetDistToBeamXYConverter? BeamXYConverter
    {
        get => _converter ?? _loadedConverter.Value;
        init => _converter = value;
    }

    /// <summary><see cref="OverrideRunNumber"/>, else one more than the highest {prefix}_N.nxs in the directory.</summary>
    public int RunNumber => OverrideRunNumber ?? GetRunNumber(Directory, Prefix);

    /// <summary>{prefix}_{run_number}: Odin's file name and acquisition id.</summary>
    public string FullFilename => $"{Prefix}_{RunNumber}";

    /// <summary>Triggers × images per trigger.</summary>
    public int FullNumberOfImages => NumTriggers * NumImagesPerTrigger;

    /// <summary>
    /// The beam centre in pixels at <paramref name="detectorDistance"/>: the table's mm scaled by the full sensor's
    /// pixels per mm, less half the pixels the ROI cuts off on each axis when <see cref="UseRoiMode"/>.
    /// </summary>
    public (double X, double Y) GetBeamPositionPixels(double detectorDistance)
    {
        var (sizes, converter) = Require();
        var full = sizes.DetSizePixels;
        var used = UseRoiMode ? sizes.RoiSizePixels : full;
        var x = converter.GetBeamXPixels(detectorDistance, full.Width, sizes.DetDimension.Width);
        var y = converter.GetBeamYPixels(detectorDistance, full.Height, sizes.DetDimension.Height);
        return (x - ((full.Width - used.Width) / 2), y - ((full.Height - used.Height) / 2));
    }

    /// <summary>The beam centre in mm at <paramref name="detectorDistance"/>, relative to the ROI when <see cref="UseRoiMode"/>.</summary>
    public (double X, double Y) GetBeamPositionMm(double detectorDistance)
    {
        var (sizes, converter) = Require();
        var full = sizes.DetDimension;
        var used = UseRoiMode ? sizes.RoiDimension : full;
        return (converter.GetBeamXMm(detectorDistance) - ((full.Width - used.Width) / 2),
            converter.GetBeamYMm(detectorDistance) - ((full.Height - used.Height) / 2));
    }

    /// <summary>
    /// dodal's get_run_number: among the .nxs files in <paramref name="directory"/> starting with
    /// <paramref name="prefix"/>, one more than the highest trailing _N, or 1 if there is none.
    /// </summary>
    public static int GetRunNumber(string directory, string prefix = "")
    {
        var numbers = new List<int>();
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*.nxs"))
        {
            var file = Path.GetFileName(path);
            if (!file.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            // Python's str.strip(".nxs") strips those characters from both ends, not the suffix; kept for parity.
            var stem = file.Trim('.', 'n', 'x', 's');
            if (TrailingNumber().IsMatch(stem))
            {
                numbers.Add(int.Parse(Digits().Matches(stem)[^1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return numbers.Count > 0 ? numbers.Max() + 1 : 1;
    }

    private (DetectorSizeConstants Sizes, DetDistToBeamXYConverter Converter) Require() =>
        (DetectorSizeConstants ?? throw new DetectorParamsException(["Detector Size must be set"]),
            BeamXYConverter ?? throw new DetectorParamsException(["Beam converter must be set"]));

    [GeneratedRegex(@"_\d+$")]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
