using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Hdf5;
using Hyperion.Nexus.Masks;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.Nexus.Tests.Nxmx;

public sealed class NxmxRoundTripTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 30, 15, 250, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    // A small detector (two modules' worth of gap structure) keeps the files small; geometry is what matters here.
    private static DetectorGeometry SmallDetector => new(1100, 600, 0.075, 187.5, 512.25, 300.75) { Description = "Eiger test" };

    [Fact]
    public void A_rotation_reads_back_with_its_geometry_scan_mask_and_frames()
    {
        var detector = SmallDetector;
        var beam = new BeamGeometry(0.9763, 3.5e12, 80, 20);
        var mask = PixelMask.ForEiger(detector, seed: 9, deadFraction: 1e-3);
        var scan = NxmxScan.Rotation(-30, 0.15, 5, new Vector3D(0.25, -0.5, 1.75));
        var master = WriteCollection("rot", detector, beam, scan, mask, framesPerFile: 2);

        using var file = NxmxFile.Open(master);
        AssertDetector(detector, file.Detector);
        Assert.Equal(beam, file.Beam);
        Assert.Equal(GoniometerGeometry.I03, file.Goniometer);
        Assert.True(scan.Matches(file.Scan), "scan");
        Assert.Equal(5, file.ImageCount);
        Assert.Equal(0.004, file.ExposureTimeSeconds);
        Assert.Equal(Start, file.StartTime);
        Assert.Equal("DIAMOND BEAMLINE I03", file.InstrumentName);
        Assert.Equal(PixelType.UInt32, file.PixelType);
        Assert.Equal([(0, 2), (2, 2), (4, 1)], file.DataFiles.Select(f => (f.FirstFrame, f.FrameCount)));
        Assert.True(mask.Values.SequenceEqual(file.Mask!.Values));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TestFrames.UInt32(detector.Width, detector.Height, i), file.ReadFrame(i));
        }
    }

    [Fact]
    public void A_grid_scan_records_every_images_stage_position()
    {
        var positions = new List<Vector3D>();
        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 4; x++)
            {
                positions.Add(new Vector3D(0.02 * (y % 2 == 0 ? x : 3 - x), 0.02 * y, 0.5));
            }
        }

        var scan = NxmxScan.Grid(90, positions);
        var master = WriteCollection("grid", SmallDetector, BeamGeometry.FromEnergy(12.7), scan, null, framesPerFile: 5, PixelType.UInt16);
        using var file = NxmxFile.Open(master);
        Assert.True(scan.Matches(file.Scan), "scan");
        Assert.Equal(0, file.Scan.OmegaIncrement);
        Assert.Equal(positions, Enumerable.Range(0, 12).Select(file.Scan.Stage));
        Assert.Null(file.Mask);
        Assert.Equal(PixelType.UInt16, file.PixelType);
        Assert.Equal(Array.ConvertAll(TestFrames.UInt16(SmallDetector.Width, SmallDetector.Height, 11), v => (uint)v), file.ReadFrame(11));
    }

    [Fact]
    public void Turned_detectors_and_goniometers_keep_their_axes()
    {
        var detector = SmallDetector with
        {
            FastAxis = new Vector3D(1, 0, 0),
            SlowAxis = new Vector3D(0, 1, 0),
            BeamCentreFast = -10.5,
            BeamCentreSlow = 0,
        };
        var goniometer = new GoniometerGeometry { OmegaAxis = new Vector3D(0, 1, 0), SamXAxis = new Vector3D(0, 1, 0), SamYAxis = new Vector3D(-1, 0, 0) };
        var master = WriteCollection("turned", detector, BeamGeometry.FromEnergy(15), NxmxScan.Rotation(0, 1, 2), null, 10, goniometer: goniometer);
        using var file = NxmxFile.Open(master);
        AssertDetector(detector, file.Detector);
        Assert.Equal(goniometer, file.Goniometer);
    }

    [Fact]
    public void A_master_is_written_under_a_temporary_name_and_then_renamed()
    {
        var master = WriteCollection("named", SmallDetector, BeamGeometry.FromEnergy(12), NxmxScan.Rotation(0, 0.1, 1), null, 10);
        Assert.Equal(["named.nxs", "named_000001.h5"], _directory.Names());
        Assert.Equal(_directory.File("named.nxs"), master);
        Assert.Equal("named.nxs", NxmxMasterWriter.MasterFileName("named"));
    }

    [Fact]
    public void A_master_can_be_written_before_its_data_files()
    {
        var detector = SmallDetector;
        var planned = NxmxCollection.PlanDataFiles(_directory.Path, "early", 3, framesPerFile: 2);
        var master = _directory.File("early.nxs");
        NxmxMasterWriter.Write(master, Collection(detector, BeamGeometry.FromEnergy(12), NxmxScan.Rotation(0, 0.1, 3), planned, null));

        var missing = Assert.Throws<NexusFormatException>(() => NxmxFile.Open(master));
        Assert.Equal(master, missing.FilePath);
        Assert.Equal("/entry/data/data_000001", missing.Hdf5Path);

        using (var series = new DataFileSeriesWriter(_directory.Path, "early", detector.Width, detector.Height, new DataFileOptions { FramesPerFile = 2 }))
        {
            for (var i = 0; i < 3; i++)
            {
                series.WriteFrame(TestFrames.UInt32(detector.Width, detector.Height, i));
            }
        }

        using var file = NxmxFile.Open(master);
        Assert.Equal(TestFrames.UInt32(detector.Width, detector.Height, 2), file.ReadFrame(2));
    }

    [Fact]
    public void Inconsistent_collections_are_refused_and_leave_no_master()
    {
        var planned = NxmxCollection.PlanDataFiles(_directory.Path, "bad", 3);
        var master = _directory.File("bad.nxs");
        var frames = Assert.Throws<NexusWriteException>(() => NxmxMasterWriter.Write(master, Collection(SmallDetector, BeamGeometry.FromEnergy(12), NxmxScan.Rotation(0, 0.1, 4), planned, null)));
        Assert.Equal(master, frames.FilePath);
        Assert.Contains("3 frames", frames.Message, StringComparison.Ordinal);

        var mask = Assert.Throws<NexusWriteException>(() => NxmxMasterWriter.Write(master, Collection(SmallDetector, BeamGeometry.FromEnergy(12), NxmxScan.Rotation(0, 0.1, 3), planned, new PixelMask(10, 10))));
        Assert.Equal("/entry/instrument/detector/pixel_mask", mask.Hdf5Path);
        Assert.Empty(_directory.Names());
    }

    [Fact]
    public void An_existing_master_is_not_overwritten_unless_asked()
    {
        var master = _directory.File("twice.nxs");
        var collection = Collection(SmallDetector, BeamGeometry.FromEnergy(12), NxmxScan.Rotation(0, 0.1, 1), NxmxCollection.PlanDataFiles(_directory.Path, "twice", 1), null);
        NxmxMasterWriter.Write(master, collection);
        Assert.Throws<NexusWriteException>(() => NxmxMasterWriter.Write(master, collection));
        NxmxMasterWriter.Write(master, collection with { ExposureTimeSeconds = 0.5 }, overwrite: true);
        Assert.Equal(["twice.nxs"], _directory.Names());
    }

    [Fact]
    public void Opening_what_is_not_an_nxmx_master_says_which_file_and_path()
    {
        var missing = Assert.Throws<NexusFormatException>(() => NxmxFile.Open(_directory.File("none.nxs")));
        Assert.Equal(_directory.File("none.nxs"), missing.FilePath);

        var text = _directory.File("text.nxs");
        File.WriteAllText(text, "not HDF5 at all");
        Assert.Equal(text, Assert.Throws<NexusFormatException>(() => NxmxFile.Open(text)).FilePath);

        var other = _directory.File("other.nxs");
        using (var file = Hdf5WritableFile.Create(other, overwrite: false))
        {
            using (var entry = file.Root.CreateGroup("entry", "NXentry"))
            {
                entry.WriteDataset("definition", "NXtomo");
            }

            file.Commit();
        }

        var definition = Assert.Throws<NexusFormatException>(() => NxmxFile.Open(other));
        Assert.Equal(other, definition.FilePath);
        Assert.Equal("/entry/definition", definition.Hdf5Path);
        Assert.Contains("NXtomo", definition.Message, StringComparison.Ordinal);

        var empty = _directory.File("empty.nxs");
        using (var file = Hdf5WritableFile.Create(empty, overwrite: false))
        {
            file.Commit();
        }

        Assert.Equal("/entry", Assert.Throws<NexusFormatException>(() => NxmxFile.Open(empty)).Hdf5Path);
    }

    private static void AssertDetector(DetectorGeometry expected, DetectorGeometry actual)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        Assert.Equal(expected.PixelSizeMm, actual.PixelSizeMm, 12);
        Assert.Equal(expected.DistanceMm, actual.DistanceMm, 9);
        Assert.Equal(expected.BeamCentreFast, actual.BeamCentreFast, 9);
        Assert.Equal(expected.BeamCentreSlow, actual.BeamCentreSlow, 9);
        Assert.Equal(expected.FastAxis, actual.FastAxis);
        Assert.Equal(expected.SlowAxis, actual.SlowAxis);
        Assert.Equal(expected with { DistanceMm = actual.DistanceMm, BeamCentreFast = actual.BeamCentreFast, BeamCentreSlow = actual.BeamCentreSlow }, actual);
        var corner = expected.LabPosition(17.5, 99.25);
        var back = actual.LabPosition(17.5, 99.25);
        Assert.True((corner - back).Length < 1e-9, $"{corner} vs {back}");
    }

    private NxmxCollection Collection(DetectorGeometry detector, BeamGeometry beam, NxmxScan scan, IReadOnlyList<DataFileInfo> files, PixelMask? mask, PixelType type = PixelType.UInt32, GoniometerGeometry? goniometer = null) => new()
    {
        Detector = detector,
        Beam = beam,
        Goniometer = goniometer ?? GoniometerGeometry.I03,
        Scan = scan,
        ExposureTimeSeconds = 0.004,
        DataFiles = files,
        PixelType = type,
        Mask = mask,
        StartTime = Start,
        EndTime = Start.AddSeconds(scan.ImageCount * 0.004),
    };

    private string WriteCollection(string stem, DetectorGeometry detector, BeamGeometry beam, NxmxScan scan, PixelMask? mask, int framesPerFile, PixelType type = PixelType.UInt32, GoniometerGeometry? goniometer = null)
    {
        IReadOnlyList<DataFileInfo> files;
        using (var series = new DataFileSeriesWriter(_directory.Path, stem, detector.Width, detector.Height, new DataFileOptions { FramesPerFile = framesPerFile, PixelType = type }))
        {
            for (var i = 0; i < scan.ImageCount; i++)
            {
                if (type == PixelType.UInt32)
                {
                    series.WriteFrame(TestFrames.UInt32(detector.Width, detector.Height, i));
                }
                else
                {
                    series.WriteFrame(TestFrames.UInt16(detector.Width, detector.Height, i));
                }
            }

            files = series.Close();
        }

        var master = _directory.File(NxmxMasterWriter.MasterFileName(stem));
        NxmxMasterWriter.Write(master, Collection(detector, beam, scan, files, mask, type, goniometer));
        return master;
    }
}
