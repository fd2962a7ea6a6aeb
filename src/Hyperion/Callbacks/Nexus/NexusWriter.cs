using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.Cli.Callbacks.Nexus;

/// <summary>
/// One collection's master files (mx-bluesky's <c>NexusWriter</c>): what the parameters fix at the run's start (the
/// files' names, detector, scan, where its frames start in the arming's data files) waiting for the beam that the
/// hardware read gives. <see cref="Write"/> writes <c>{stem}.nxs</c> and its twin <c>{stem}_master.h5</c>, as
/// mx-bluesky does, linking the data files <c>{DataFilename}_000001.h5</c>, … that the Eiger's Odin writes.
/// </summary>
public sealed record NexusWriter
{
    /// <summary>The most frames Odin puts in one data file (mx-bluesky's <c>max_images_per_file</c>).</summary>
    public const int FramesPerDataFile = 1000;

    /// <summary>Where the master and data files are.</summary>
    public required string Directory { get; init; }

    /// <summary>The master files' stem: <c>{file_name}_{run_number}</c>.</summary>
    public required string Stem { get; init; }

    /// <summary>The data files' stem (Odin's file name): <c>{file_name}_{run number of the arming}</c>.</summary>
    public required string DataFilename { get; init; }

    /// <summary>The detector as it is read out.</summary>
    public required DetectorGeometry Detector { get; init; }

    /// <summary>The goniometer's axes (omega's sense follows the omega flip).</summary>
    public GoniometerGeometry Goniometer { get; init; } = GoniometerGeometry.I03;

    /// <summary>The goniometer at each of this collection's images.</summary>
    public required NxmxScan Scan { get; init; }

    /// <summary>This collection's first frame among the arming's data files (mx-bluesky's <c>vds_start_index</c>).</summary>
    public int FirstDataFrame { get; init; }

    /// <summary>All the frames of the arming (mx-bluesky's <c>full_num_of_images</c>): the data files hold these.</summary>
    public required int FullNumberOfImages { get; init; }

    /// <summary>The exposure per image, s.</summary>
    public required double ExposureTimeS { get; init; }

    /// <summary>The <c>.nxs</c> master.</summary>
    public string NexusFile => Path.Combine(Directory, Stem + NxmxMasterWriter.Extension);

    /// <summary>The <c>_master.h5</c> copy (the file ISPyB's file template names).</summary>
    public string MasterFile => Path.Combine(Directory, Stem + "_master.h5");

    /// <summary>The data files Odin writes for the whole arming.</summary>
    public IReadOnlyList<DataFileInfo> DataFiles => NxmxCollection.PlanDataFiles(Directory, DataFilename, FullNumberOfImages, FramesPerDataFile);

    /// <summary>The pixel type of an Eiger bit depth: 32 bits wide, else 16 (mx-bluesky's default for any other depth).</summary>
    /// <param name="bitDepth">The Eiger's image bit depth.</param>
    public static PixelType PixelTypeFor(int bitDepth) => bitDepth == 32 ? PixelType.UInt32 : PixelType.UInt16;

    /// <summary>The collection to record, with the beam of <paramref name="reading"/>, started <paramref name="now"/>.</summary>
    /// <param name="reading">The hardware read during collection.</param>
    /// <param name="now">The start time; the end is estimated from the exposure of every frame of the arming.</param>
    public NxmxCollection Collection(NexusHardwareReading reading, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new NxmxCollection
        {
            Detector = Detector,
            Beam = new BeamGeometry(reading.WavelengthAngstrom, reading.FluxPhotonsPerSecond, 0, 0),
            Goniometer = Goniometer,
            Scan = Scan,
            ExposureTimeSeconds = ExposureTimeS,
            DataFiles = DataFiles,
            FirstDataFrame = FirstDataFrame,
            PixelType = PixelTypeFor(reading.BitDepth),
            StartTime = now,
            EndTime = now.AddSeconds(ExposureTimeS * FullNumberOfImages),
            Transmission = reading.Transmission,
        };
    }

    /// <summary>
    /// Writes <see cref="NexusFile"/> and <see cref="MasterFile"/> (replacing earlier ones, as h5py's "w" mode does);
    /// returns their paths. Throws <see cref="Hyperion.Nexus.Errors.NexusWriteException"/> when they cannot be written.
    /// </summary>
    /// <param name="reading">The hardware read during collection.</param>
    /// <param name="now">The start time.</param>
    public IReadOnlyList<string> Write(NexusHardwareReading reading, DateTimeOffset now)
    {
        var collection = Collection(reading, now);
        NxmxMasterWriter.Write(NexusFile, collection, overwrite: true);
        NxmxMasterWriter.Write(MasterFile, collection, overwrite: true);
        return [NexusFile, MasterFile];
    }
}
