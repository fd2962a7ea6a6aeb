using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Masks;

namespace Hyperion.Nexus.Nxmx;

/// <summary>
/// Everything an NXmx master file records about one collection: geometry, scan, exposure, data files and mask.
/// </summary>
public sealed record NxmxCollection
{
    /// <summary>The detector.</summary>
    public required DetectorGeometry Detector { get; init; }

    /// <summary>The beam.</summary>
    public required BeamGeometry Beam { get; init; }

    /// <summary>The goniometer's axes.</summary>
    public GoniometerGeometry Goniometer { get; init; } = GoniometerGeometry.I03;

    /// <summary>The goniometer at each image.</summary>
    public required NxmxScan Scan { get; init; }

    /// <summary>The exposure per image, seconds (NXdetector/count_time).</summary>
    public required double ExposureTimeSeconds { get; init; }

    /// <summary>The time from one image's start to the next, seconds (NXdetector/frame_time); default the exposure.</summary>
    public double? FrameTimeSeconds { get; init; }

    /// <summary>
    /// The data files, in order: every file of the detector's arming, linked as <c>/entry/data/data_000001</c>, …
    /// (as nexgen links them). Their frames hold the scan's images from <see cref="FirstDataFrame"/> on; with no
    /// offset they usually add up to exactly the scan's images.
    /// </summary>
    public required IReadOnlyList<DataFileInfo> DataFiles { get; init; }

    /// <summary>
    /// The 0-based index, among all the data files' frames taken in order, of the scan's first image (nexgen's
    /// <c>vds_offset</c>, mx-bluesky's <c>vds_start_index</c>): non-zero when several collections share one arming
    /// of the detector, as the second grid of a fast grid scan (after the first grid's images) or a later sweep of a
    /// multi-sweep rotation. The virtual dataset <c>/entry/data/data</c>, which DIALS reads, then starts there.
    /// </summary>
    public int FirstDataFrame { get; init; }

    /// <summary>The data files' pixel type (NXdetector/bit_depth_readout and the virtual dataset's type).</summary>
    public PixelType PixelType { get; init; } = PixelType.UInt32;

    /// <summary>The pixel mask; none if null.</summary>
    public PixelMask? Mask { get; init; }

    /// <summary>
    /// When collection started. DIALS reads files from Diamond beamlines dated before September 2021 with the legacy
    /// layout quirks of that time, so a twin's collections carry real (or recent) times.
    /// </summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>When collection ended (or is expected to).</summary>
    public required DateTimeOffset EndTime { get; init; }

    /// <summary>The beamline's name as nexgen writes it for Hyperion (NXinstrument/name).</summary>
    public string InstrumentName { get; init; } = "DIAMOND BEAMLINE I03";

    /// <summary>Its short name (the name's short_name attribute).</summary>
    public string InstrumentShortName { get; init; } = "DLS I03";

    /// <summary>The facility (NXsource/name).</summary>
    public string SourceName { get; init; } = "Diamond Light Source";

    /// <summary>The facility's short name.</summary>
    public string SourceShortName { get; init; } = "DLS";

    /// <summary>The source type.</summary>
    public string SourceType { get; init; } = "Synchrotron X-ray Source";

    /// <summary>The beam transmission through the attenuators (0–1).</summary>
    public double Transmission { get; init; } = 1;

    /// <summary>The total images.</summary>
    public int ImageCount => Scan.ImageCount;

    /// <summary>
    /// The data files a <see cref="DataFileSeriesWriter"/> writes for <paramref name="images"/> images: for writing
    /// the master before (or while) the frames are written, as Hyperion does.
    /// </summary>
    public static IReadOnlyList<DataFileInfo> PlanDataFiles(string directory, string stem, int images, int framesPerFile = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerFile);
        var files = new List<DataFileInfo>();
        for (var first = 1; first <= images; first += framesPerFile)
        {
            var path = Path.Combine(Path.GetFullPath(directory), DataFileSeriesWriter.FileName(stem, files.Count + 1));
            files.Add(new DataFileInfo(path, first, Math.Min(framesPerFile, images - first + 1)));
        }

        return files;
    }
}
