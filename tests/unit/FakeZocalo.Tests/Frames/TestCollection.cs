using Hyperion.FakeZocalo.Tests.SpotFinding;
using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Masks;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.FakeZocalo.Tests.Frames;

/// <summary>A small collection in a fresh directory: seeded frames with blobs, data files and (optionally) the master.</summary>
internal sealed class TestCollection : IDisposable
{
    public TestCollection(int images = 3, int framesPerFile = 2, PixelType pixelType = PixelType.UInt32, bool writeFiles = true)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("fakezocalo-frames-").FullName;
        Detector = new DetectorGeometry(120, 96, 0.075, 120, 60, 48) { Description = "test" };
        Mask = new PixelMask(Detector.Width, Detector.Height, TestFrames.RandomMask(Detector.Width, Detector.Height, 3, 0.002));
        PixelType = pixelType;
        Options = new DataFileOptions { FramesPerFile = framesPerFile, PixelType = pixelType };
        Frames = Enumerable.Range(0, images).Select(i => TestFrames.Noisy(Detector.Width, Detector.Height, 100 + i, background: 0.3, blobs: 25, pixelType: pixelType)).ToArray();
        foreach (var frame in Frames)
        {
            for (var k = 0; k < frame.Length; k++)
            {
                if (Mask.Values[k] != 0)
                {
                    frame[k] = pixelType == PixelType.UInt16 ? 0xFFFF : 0xFFFFFFFF;
                }
            }
        }

        if (writeFiles)
        {
            WriteData();
            WriteMaster();
        }
    }

    public string Directory { get; }

    public string Stem => "xtal_1";

    public DetectorGeometry Detector { get; }

    public BeamGeometry Beam { get; } = BeamGeometry.FromEnergy(12.7);

    public PixelMask Mask { get; }

    public PixelType PixelType { get; }

    public DataFileOptions Options { get; }

    public uint[][] Frames { get; }

    public IReadOnlyList<DataFileInfo> Files { get; private set; } = [];

    public string MasterPath => Path.Combine(Directory, NxmxMasterWriter.MasterFileName(Stem));

    public string DataPath(int number) => Path.Combine(Directory, DataFileSeriesWriter.FileName(Stem, number));

    public void WriteData()
    {
        using var series = new DataFileSeriesWriter(Directory, Stem, Detector.Width, Detector.Height, Options);
        foreach (var frame in Frames)
        {
            if (PixelType == PixelType.UInt32)
            {
                series.WriteFrame(frame);
            }
            else
            {
                series.WriteFrame(Array.ConvertAll(frame, v => (ushort)v));
            }
        }

        Files = series.Close();
    }

    public void WriteMaster() => NxmxMasterWriter.Write(MasterPath, new NxmxCollection
    {
        Detector = Detector,
        Beam = Beam,
        Scan = NxmxScan.Rotation(0, 0, Frames.Length),
        ExposureTimeSeconds = 0.004,
        DataFiles = Files,
        PixelType = PixelType,
        Mask = Mask,
        StartTime = DateTimeOffset.UnixEpoch,
        EndTime = DateTimeOffset.UnixEpoch,
    });

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
