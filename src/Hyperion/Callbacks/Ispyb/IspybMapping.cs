using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using Hyperion.Cli.Parameters;
using Hyperion.FakeZocalo.Ispyb;

namespace Hyperion.Cli.Callbacks.Ispyb;

/// <summary>mx-bluesky's <c>ispyb_mapping</c>: the columns every deposition fills from the parameters.</summary>
public static class IspybMapping
{
    /// <summary>The Eiger's file suffix.</summary>
    public const string EigerFileSuffix = "h5";

    /// <summary>ISPyB's name for an experiment type (<c>Mesh3D</c>, <c>SAD</c>...).</summary>
    /// <param name="type">The type.</param>
    public static string ExperimentTypeName(IspybExperimentType type) =>
        typeof(IspybExperimentType).GetField(type.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? type.ToString();

    /// <summary>The run number the detector files use: the override, else the next free one in the directory.</summary>
    /// <param name="detector">The detector parameters.</param>
    public static int RunNumber(DetectorParams detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var existing = Directory.Exists(detector.Directory) ? Directory.EnumerateFiles(detector.Directory).Select(Path.GetFileName).OfType<string>() : [];
        return detector.RunNumber(existing);
    }

    /// <summary>The master file's name for a data collection number: <c>{prefix}_{number}_master.h5</c>.</summary>
    /// <param name="detector">The detector parameters.</param>
    /// <param name="dataCollectionNumber">The data collection (run) number.</param>
    public static string FileTemplate(DetectorParams detector, int dataCollectionNumber)
    {
        ArgumentNullException.ThrowIfNull(detector);
        return $"{detector.Prefix}_{dataCollectionNumber.ToString(CultureInfo.InvariantCulture)}_master.h5";
    }

    /// <summary>
    /// mx-bluesky's <c>populate_remaining_data_collection_info</c>: sample, group, comment, distance, exposure, image
    /// directory/prefix/suffix, one pass, no overlap, first image 1, start time, and the file template once the data
    /// collection number is known.
    /// </summary>
    /// <param name="info">The columns already known.</param>
    /// <param name="comment">The comment.</param>
    /// <param name="dataCollectionGroupId">The group, or null while it does not exist yet.</param>
    /// <param name="parameters">The experiment's parameters.</param>
    /// <param name="sampleId">The sample.</param>
    /// <param name="now">The start time.</param>
    /// <param name="beamPositionMm">The beam centre on the detector, mm (xBeam, yBeam), or null to leave them unset.</param>
    public static DataCollectionRow PopulateRemaining(
        DataCollectionRow info, string comment, long? dataCollectionGroupId, DiffractionExperiment parameters, long sampleId, DateTime now, (double X, double Y)? beamPositionMm = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(parameters);
        var detector = parameters.DetectorParams;
        return info with
        {
            BlSampleId = sampleId,
            DataCollectionGroupId = dataCollectionGroupId ?? 0,
            Comments = comment,
            DetectorDistance = detector.DetectorDistance,
            ExposureTime = detector.ExposureTimeS,
            ImageDirectory = detector.Directory,
            ImagePrefix = detector.Prefix,
            ImageSuffix = EigerFileSuffix,
            NumberOfPasses = 1,
            Overlap = 0,
            StartImageNumber = 1,
            XBeam = beamPositionMm?.X ?? info.XBeam,
            YBeam = beamPositionMm?.Y ?? info.YBeam,
            StartTime = now,
            FileTemplate = info.DataCollectionNumber is { } number ? FileTemplate(detector, number) : info.FileTemplate,
        };
    }

    /// <summary>mx-bluesky's <c>construct_comment_for_gridscan</c>.</summary>
    /// <param name="grid">The grid.</param>
    public static string GridscanComment(GridInfoRow grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var stepsX = grid.StepsX ?? 0;
        var stepsY = grid.StepsY ?? 0;
        var dx = grid.DxMm ?? 0;
        var dy = grid.DyMm ?? 0;
        var left = (int)(grid.SnapshotOffsetXPixel ?? 0);
        var top = (int)(grid.SnapshotOffsetYPixel ?? 0);

        // dodal's bottom_right_from_top_left: the grid's extent in pixels, truncated.
        var right = left + (int)(stepsX * dx * 1000 / (grid.MicronsPerPixelX ?? 1));
        var bottom = top + (int)(stepsY * dy * 1000 / (grid.MicronsPerPixelY ?? 1));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Diffraction grid scan of {stepsX} by {stepsY} images in {dx * 1e3:F1} um by {dy * 1e3:F1} um steps. Top left (px): [{left},{top}], bottom right (px): [{right},{bottom}].");
    }

    /// <summary>Wavelength in ångström for a photon energy in keV (mx-bluesky's <c>convert_ev_to_angstrom</c>).</summary>
    /// <param name="energyKev">The energy.</param>
    public static double WavelengthAngstrom(double energyKev) => 12.39842 / energyKev;
}
