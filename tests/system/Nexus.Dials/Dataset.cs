using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Masks;
using Hyperion.Nexus.Nxmx;

namespace Hyperion.Nexus.Dials.Tests;

/// <summary>
/// A collection written with our writers into a fresh directory: rendered frames, data files and the master.
/// </summary>
public sealed class Dataset : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 9, 15, 0, TimeSpan.Zero);

    private Dataset(string directory, string stem, NxmxCollection collection, IReadOnlyList<Spot> spots, int seed)
    {
        Directory = directory;
        Stem = stem;
        Collection = collection;
        Spots = spots;
        Seed = seed;
    }

    public string Directory { get; }

    public string Stem { get; }

    public NxmxCollection Collection { get; }

    public IReadOnlyList<Spot> Spots { get; }

    public int Seed { get; }

    public string MasterPath => Path.Combine(Directory, NxmxMasterWriter.MasterFileName(Stem));

    public DetectorGeometry Detector => Collection.Detector;

    public PixelMask Mask => Collection.Mask!;

    /// <summary>Renders the frames, writes them (the mask applied: masked pixels all ones) and the master.</summary>
    public static Dataset Write(string stem, DetectorGeometry detector, NxmxScan scan, IReadOnlyList<Spot> spots, DataFileOptions options, int seed = 5)
    {
        var directory = Path.Combine(Path.GetTempPath(), "hyperion-dials-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var mask = PixelMask.ForEiger(detector, seed);
        foreach (var spot in spots)
        {
            for (var slow = (int)spot.Slow - 6; slow <= (int)spot.Slow + 6; slow++)
            {
                for (var fast = (int)spot.Fast - 6; fast <= (int)spot.Fast + 6; fast++)
                {
                    if (mask.IsMasked(fast, slow))
                    {
                        throw new InvalidOperationException($"The spot at ({spot.Fast}, {spot.Slow}) touches masked pixel ({fast}, {slow}): choose another place.");
                    }
                }
            }
        }

        IReadOnlyList<DataFileInfo> files;
        using (var series = new DataFileSeriesWriter(directory, stem, detector.Width, detector.Height, options))
        {
            for (var image = 0; image < scan.ImageCount; image++)
            {
                var frame = SpotFrames.Render(detector, mask, spots, image, seed);
                if (options.PixelType == PixelType.UInt32)
                {
                    series.WriteFrame(frame);
                }
                else
                {
                    series.WriteFrame(Array.ConvertAll(frame, v => (ushort)Math.Min(v, ushort.MaxValue)));
                }
            }

            files = series.Close();
        }

        var collection = new NxmxCollection
        {
            Detector = detector,
            Beam = BeamGeometry.FromEnergy(12.7, 2e12),
            Scan = scan,
            ExposureTimeSeconds = 0.002,
            DataFiles = files,
            PixelType = options.PixelType,
            Mask = mask,
            StartTime = Start,
            EndTime = Start.AddSeconds(scan.ImageCount * 0.002),
        };
        NxmxMasterWriter.Write(Path.Combine(directory, NxmxMasterWriter.MasterFileName(stem)), collection);
        return new Dataset(directory, stem, collection, spots, seed);
    }

    public uint[] Frame(int image) => SpotFrames.Render(Detector, Mask, Spots, image, Seed);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
