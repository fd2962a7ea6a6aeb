using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Mx.Eiger;
using CliDetectorParams = Hyperion.Cli.Parameters.DetectorParams;
using EigerDetectorParams = Hyperion.Devices.Mx.Eiger.DetectorParams;

namespace Hyperion.Cli.Experiments.Rotation;

/// <summary>
/// Gives the Eiger an experiment's detector settings (mx-bluesky's <c>eiger.set_detector_parameters(...)</c>),
/// creating the data directory, which the parameters no longer do.
/// </summary>
public static class EigerParameters
{
    /// <summary>The beam-centre table's file name.</summary>
    public const string ConverterFileName = "DetDistToBeamXYConverter.txt";

    /// <summary>
    /// Sets <paramref name="detectorParams"/> on <paramref name="eiger"/>. The beam-centre table is the one the
    /// parameters name when it exists, else the copy in <paramref name="configuration"/>'s DAQ configuration folder
    /// (a laptop or the twin has no /dls_sw).
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither table exists.</exception>
    public static void Apply(EigerDetector eiger, CliDetectorParams detectorParams, BeamlineConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(eiger);
        ArgumentNullException.ThrowIfNull(configuration);
        eiger.SetDetectorParameters(ToEigerParams(detectorParams, configuration));
    }

    /// <summary>The device's form of <paramref name="detectorParams"/> (see <see cref="Apply"/>).</summary>
    /// <exception cref="FileNotFoundException">Neither beam-centre table exists.</exception>
    public static EigerDetectorParams ToEigerParams(CliDetectorParams detectorParams, BeamlineConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(detectorParams);
        ArgumentNullException.ThrowIfNull(configuration);
        Directory.CreateDirectory(detectorParams.Directory);
        var converterPath = ResolveConverterPath(detectorParams.DetDistToBeamConverterPath, configuration);
        return new EigerDetectorParams
        {
            ExpectedEnergyEv = detectorParams.ExpectedEnergyEv,
            ExposureTimeS = detectorParams.ExposureTimeS,
            Directory = detectorParams.Directory,
            Prefix = detectorParams.Prefix,
            DetectorDistance = detectorParams.DetectorDistance,
            OmegaStart = detectorParams.OmegaStart,
            OmegaIncrement = detectorParams.OmegaIncrement,
            NumImagesPerTrigger = detectorParams.NumImagesPerTrigger,
            NumTriggers = detectorParams.NumTriggers,
            UseRoiMode = detectorParams.UseRoiMode,
            DetDistToBeamConverterPath = converterPath,
            OverrideRunNumber = detectorParams.OverrideRunNumber,
            TriggerMode = (global::Hyperion.Devices.Mx.Eiger.TriggerMode)(int)detectorParams.TriggerMode,
            DetectorSizeConstants = DetectorSizeConstants.FromType(detectorParams.Size.DetTypeString),
            EnableDevShm = detectorParams.EnableDevShm,
        };
    }

    private static string ResolveConverterPath(string requested, BeamlineConfiguration configuration)
    {
        if (File.Exists(requested))
        {
            return requested;
        }

        var bundled = Path.Combine(configuration.DaqConfigurationPath, ConverterFileName);
        return File.Exists(bundled)
            ? bundled
            : throw new FileNotFoundException(
                $"The beam-centre lookup table is neither at '{requested}' nor at '{bundled}'.", requested);
    }
}
