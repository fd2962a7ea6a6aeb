using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.Nexus.Tests.Nxmx;

/// <summary>
/// Two collections in one arming of the detector (the fast grid scan's two grids): both masters link every data file,
/// and each one's virtual dataset starts at its own first frame, as nexgen's <c>vds_offset</c>.
/// </summary>
public sealed class NxmxSharedDataFilesTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DetectorGeometry Detector = new(64, 48, 0.075, 250, 30.5, 20.25);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_second_grids_master_reads_the_frames_after_the_first_grids()
    {
        // 4 images of grid 1 then 3 of grid 2, in files of 3 frames: [0 1 2] [3 | 4 5] [6].
        var files = WriteFrames("grid", 7, framesPerFile: 3);
        var first = _directory.File("grid_1.nxs");
        var second = _directory.File("grid_2.nxs");
        NxmxMasterWriter.Write(first, Collection(NxmxScan.Grid(0, Positions(4)), files, firstDataFrame: 0));
        NxmxMasterWriter.Write(second, Collection(NxmxScan.Grid(90, Positions(3)), files, firstDataFrame: 4));

        using (var grid1 = NxmxFile.Open(first))
        {
            Assert.Equal(4, grid1.ImageCount);
            Assert.Equal(0, grid1.FirstDataFrame);
            Assert.Equal(3, grid1.DataFiles.Count);
            Assert.Equal(TestFrames.UInt32(Detector.Width, Detector.Height, 3), grid1.ReadFrame(3));
        }

        using var grid2 = NxmxFile.Open(second);
        Assert.Equal(3, grid2.ImageCount);
        Assert.Equal(4, grid2.FirstDataFrame);
        Assert.Equal(["/entry/data/data_000001", "/entry/data/data_000002", "/entry/data/data_000003"], grid2.DataFiles.Select(f => f.LinkPath));
        Assert.All(grid2.Scan.Omega, o => Assert.Equal(90, o));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TestFrames.UInt32(Detector.Width, Detector.Height, 4 + i), grid2.ReadFrame(i));
        }

        // Zocalo counts frames through the shared data files, whichever master it opened.
        Assert.Equal(7, grid2.DataFileFrameCount);
        var pixels = new uint[Detector.Width * Detector.Height];
        grid2.ReadDataFileFrame(1, pixels);
        Assert.Equal(TestFrames.UInt32(Detector.Width, Detector.Height, 1), pixels);
        Assert.Throws<NexusFormatException>(() => grid2.ReadDataFileFrame(7, pixels));
    }

    [Fact]
    public void A_collection_may_start_within_a_later_data_file()
    {
        var files = WriteFrames("sweeps", 6, framesPerFile: 2);
        var master = _directory.File("sweeps_2.nxs");
        NxmxMasterWriter.Write(master, Collection(NxmxScan.Rotation(10, 0.5, 2), files, firstDataFrame: 3));

        using var file = NxmxFile.Open(master);
        Assert.Equal(3, file.FirstDataFrame);
        Assert.Equal(2, file.ImageCount);
        Assert.Equal(TestFrames.UInt32(Detector.Width, Detector.Height, 3), file.ReadFrame(0));
        Assert.Equal(TestFrames.UInt32(Detector.Width, Detector.Height, 4), file.ReadFrame(1));
    }

    [Fact]
    public void A_collection_running_past_the_data_files_frames_is_refused()
    {
        var files = NxmxCollection.PlanDataFiles(_directory.Path, "short", 5);
        var master = _directory.File("short_2.nxs");
        var error = Assert.Throws<NexusWriteException>(() => NxmxMasterWriter.Write(master, Collection(NxmxScan.Grid(90, Positions(3)), files, firstDataFrame: 3)));
        Assert.Contains("start at frame 3", error.Message, StringComparison.Ordinal);
        Assert.Throws<NexusWriteException>(() => NxmxMasterWriter.Write(master, Collection(NxmxScan.Grid(90, Positions(1)), files, firstDataFrame: -1)));
        Assert.Empty(_directory.Names());
    }

    private static Vector3D[] Positions(int count) => Enumerable.Range(0, count).Select(i => new Vector3D(0.02 * i, 0.1, 0.2)).ToArray();

    private static NxmxCollection Collection(NxmxScan scan, IReadOnlyList<DataFileInfo> files, int firstDataFrame) => new()
    {
        Detector = Detector,
        Beam = BeamGeometry.FromEnergy(12.7),
        Scan = scan,
        ExposureTimeSeconds = 0.002,
        DataFiles = files,
        FirstDataFrame = firstDataFrame,
        StartTime = Start,
        EndTime = Start.AddSeconds(1),
    };

    private IReadOnlyList<DataFileInfo> WriteFrames(string stem, int frames, int framesPerFile)
    {
        using var series = new DataFileSeriesWriter(_directory.Path, stem, Detector.Width, Detector.Height, new DataFileOptions { FramesPerFile = framesPerFile });
        for (var i = 0; i < frames; i++)
        {
            series.WriteFrame(TestFrames.UInt32(Detector.Width, Detector.Height, i));
        }

        return series.Close();
    }
}
