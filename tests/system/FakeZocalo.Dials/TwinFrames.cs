using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Masks;
using Hyperion.Nexus.Nxmx;
using Hyperion.SimBeamline.Diffraction;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.FakeZocalo.Dials.Tests;

/// <summary>
/// A grid scan's worth of twin frames on an Eiger 4M (the thaumatin crystal at 12.7 keV, 250 mm, 4 ms stills at a few
/// omegas), written as the detector writes them (bitshuffle-LZ4 data files, masked pixels holding 2^bits − 1) with an
/// NXmx master. To test every way a pixel is left out, each frame also gets saturated pixels (at and above the
/// saturation value), "no data" values (2^bits − 1, 2^bits − 2) on pixels the mask does not cover, and a bright
/// pixel beside a masked one.
/// </summary>
public sealed class TwinFrames : IDisposable
{
    public TwinFrames(string stem, PixelType pixelType, int images = 3)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("fakezocalo-dials-").FullName;
        Stem = stem;
        PixelType = pixelType;
        Detector = DetectorGeometry.Eiger4M(250);
        Mask = PixelMask.ForEiger(Detector, seed: 11);
        var beam = BeamGeometry.FromEnergy(12.7);
        var renderer = new DiffractionRenderer(SampleDefinition.Thaumatin, Detector, GoniometerGeometry.I03, new DiffractionOptions { MaxDegreeOfParallelism = 2 });
        renderer.Prepare(beam.WavelengthAngstrom);
        var noData = pixelType == PixelType.UInt16 ? 0xFFFFu : 0xFFFFFFFFu;
        var random = new Random(17);
        var frames = new List<uint[]>();
        for (var i = 0; i < images; i++)
        {
            var frame = new uint[renderer.PixelCount];
            var request = new FrameRequest
            {
                StagePositionMm = SampleDefinition.Thaumatin.Crystal.PositionMm,
                Beam = beam,
                OmegaStartDegrees = 30 * i,
                OscillationDegrees = 0,
                ExposureSeconds = 0.004 * (i + 1),
                Seed = (ulong)(40 + i),
            };
            if (pixelType == PixelType.UInt16)
            {
                var narrow = new ushort[renderer.PixelCount];
                renderer.Render(request, narrow);
                for (var k = 0; k < frame.Length; k++)
                {
                    frame[k] = narrow[k];
                }
            }
            else
            {
                renderer.Render(request, frame);
            }

            for (var k = 0; k < frame.Length; k++)
            {
                if (Mask.Values[k] != 0)
                {
                    frame[k] = noData;
                }
            }

            for (var n = 0; n < 300; n++)
            {
                frame[random.Next(frame.Length)] = (uint)(Detector.SaturationValue + random.Next(-1, 3));
                frame[random.Next(frame.Length)] = noData;
                frame[random.Next(frame.Length)] = noData - 1;
                var k = random.Next(frame.Length - 1);
                if (Mask.Values[k] != 0)
                {
                    frame[k + 1] = 500;
                }
            }

            frames.Add(frame);
        }

        Frames = frames;
        using (var series = new DataFileSeriesWriter(Directory, stem, Detector.Width, Detector.Height, new DataFileOptions { PixelType = pixelType, FramesPerFile = 2 }))
        {
            foreach (var frame in frames)
            {
                if (pixelType == PixelType.UInt16)
                {
                    series.WriteFrame(Array.ConvertAll(frame, v => (ushort)v));
                }
                else
                {
                    series.WriteFrame(frame);
                }
            }

            Files = series.Close();
        }

        NxmxMasterWriter.Write(MasterPath, new NxmxCollection
        {
            Detector = Detector,
            Beam = beam,
            Scan = NxmxScan.Grid(0, Enumerable.Range(0, images).Select(i => SampleDefinition.Thaumatin.Crystal.PositionMm).ToArray()),
            ExposureTimeSeconds = 0.004,
            DataFiles = Files,
            PixelType = pixelType,
            Mask = Mask,
            StartTime = DateTimeOffset.UtcNow,
            EndTime = DateTimeOffset.UtcNow,
        });
    }

    public string Directory { get; }

    public string Stem { get; }

    public PixelType PixelType { get; }

    public DetectorGeometry Detector { get; }

    public PixelMask Mask { get; }

    public IReadOnlyList<uint[]> Frames { get; }

    public IReadOnlyList<DataFileInfo> Files { get; }

    public string MasterPath => Path.Combine(Directory, NxmxMasterWriter.MasterFileName(Stem));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
