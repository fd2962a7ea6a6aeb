using Hyperion.Cli.Experiments.Rotation;
using Hyperion.Cli.Parameters;
using Hyperion.Devices.Beamlines;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.Cli.Callbacks.Nexus;

/// <summary>
/// Turns experiment parameters into <see cref="NexusWriter"/>s, as mx-bluesky's NeXus callbacks do: one per grid of a
/// fast grid scan (mx-bluesky's <c>_create_writers_from_params</c>) and one per rotation sweep.
/// </summary>
public static class NexusWriters
{
    /// <summary>The Eiger's pixel pitch, mm.</summary>
    public const double PixelSizeMm = 0.075;

    /// <summary>
    /// The beam centre (pixels) that the Eiger is given for a collection (dodal's <c>get_beam_position_pixels</c>): the
    /// lookup table the parameters name, else <paramref name="configuration"/>'s copy, at the detector distance.
    /// </summary>
    /// <param name="configuration">Where the beamline's configuration files are.</param>
    public static Func<DetectorParams, (double X, double Y)> BeamCentreFrom(BeamlineConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return parameters => EigerParameters.ToEigerParams(parameters, configuration).GetBeamPositionPixels(parameters.DetectorDistance);
    }

    /// <summary>The detector as <paramref name="parameters"/> read it out (the ROI in ROI mode), beam centre included.</summary>
    /// <param name="parameters">The detector parameters.</param>
    /// <param name="beamCentre">The beam centre for them, pixels.</param>
    public static DetectorGeometry Detector(DetectorParams parameters, (double X, double Y) beamCentre)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var size = parameters.DetectorSizePixels;
        var geometry = new DetectorGeometry((int)size.Width, (int)size.Height, PixelSizeMm, parameters.DetectorDistance, beamCentre.X, beamCentre.Y);
        return parameters.UseRoiMode && parameters.Size.RoiSizePixels != parameters.Size.DetSizePixels
            ? geometry with { Description = "Eiger 16M (4M ROI)" }
            : geometry;
    }

    /// <summary>
    /// One writer per grid: grid <c>i</c> is run <paramref name="runNumber"/> + i, at omega <c>omega_starts_deg[i]</c>,
    /// its images the grid's points (µm to mm), starting at the grid's scan index in the data files
    /// <c>{file_name}_{runNumber}_NNNNNN.h5</c> that hold every grid's images.
    /// </summary>
    /// <param name="parameters">The grid scan's parameters.</param>
    /// <param name="runNumber">The run number of the detector's arming (the first grid's).</param>
    /// <param name="beamCentre">Works out the beam centre.</param>
    public static IReadOnlyList<NexusWriter> ForGrids(SpecifiedThreeDGridScan parameters, int runNumber, Func<DetectorParams, (double X, double Y)> beamCentre)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(beamCentre);
        var detectorParams = parameters.DetectorParams;
        var detector = Detector(detectorParams, beamCentre(detectorParams));
        var points = parameters.ScanPoints;
        var indices = parameters.ScanIndices;
        var writers = new List<NexusWriter>();
        for (var grid = 0; grid < parameters.NumGrids; grid++)
        {
            var gridPoints = points[grid];
            var stage = Enumerable.Range(0, gridPoints.Count)
                .Select(i => new Vector3D(gridPoints.SamX[i] / 1000, gridPoints.SamY[i] / 1000, gridPoints.SamZ[i] / 1000))
                .ToArray();
            writers.Add(new NexusWriter
            {
                Directory = detectorParams.Directory,
                Stem = detectorParams.FullFilename(runNumber + grid),
                DataFilename = detectorParams.FullFilename(runNumber),
                Detector = detector,
                Scan = NxmxScan.Grid(parameters.OmegaStartsDeg[grid], stage),
                FirstDataFrame = indices[grid],
                FullNumberOfImages = parameters.NumImages,
                ExposureTimeS = detectorParams.ExposureTimeS,
            });
        }

        return writers;
    }

    /// <summary>
    /// The writer of one rotation sweep: run <paramref name="runNumber"/>, omega at each image from the parameters'
    /// scan points stepping by the rotation increment, about I03's omega axis when omega is flipped (else the
    /// opposite), the stage at zero as mx-bluesky records it; its frames start at <c>nexus_vds_start_img</c> in the data
    /// files of the arming (<c>{file_name}_{metaDataRunNumber}</c> when several sweeps share it).
    /// </summary>
    /// <param name="parameters">The sweep's parameters.</param>
    /// <param name="runNumber">The sweep's run number.</param>
    /// <param name="fullNumberOfImages">All the images of the arming (<c>full_num_of_images</c>), or null for the sweep's.</param>
    /// <param name="metaDataRunNumber">The run number of the arming (<c>meta_data_run_number</c>), or null for the sweep's.</param>
    /// <param name="beamCentre">Works out the beam centre.</param>
    public static NexusWriter ForRotation(SingleRotationScan parameters, int runNumber, int? fullNumberOfImages, int? metaDataRunNumber, Func<DetectorParams, (double X, double Y)> beamCentre)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(beamCentre);
        var detectorParams = parameters.DetectorParams;
        var omega = parameters.ScanPoints;
        var zeros = new double[omega.Count];
        var goniometer = RotationUtils.OmegaFlip ? GoniometerGeometry.I03 : GoniometerGeometry.I03 with { OmegaAxis = GoniometerGeometry.I03.OmegaAxis * -1 };
        return new NexusWriter
        {
            Directory = detectorParams.Directory,
            Stem = detectorParams.FullFilename(runNumber),
            DataFilename = detectorParams.FullFilename(metaDataRunNumber is { } meta and not 0 ? meta : runNumber),
            Detector = Detector(detectorParams, beamCentre(detectorParams)),
            Goniometer = goniometer,
            Scan = new NxmxScan(omega, parameters.RotationIncrementDeg, zeros, zeros, zeros),
            FirstDataFrame = parameters.NexusVdsStartImg,
            FullNumberOfImages = fullNumberOfImages is { } full and > 0 ? full : parameters.NumImages,
            ExposureTimeS = detectorParams.ExposureTimeS,
        };
    }
}
