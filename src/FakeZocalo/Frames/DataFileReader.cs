using Hyperion.Nexus.DataFiles;
using Hyperion.Nexus.Hdf5;
using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;

namespace Hyperion.FakeZocalo.Frames;

/// <summary>
/// One complete Eiger/Odin data file opened with PureHDF: <c>/data</c>, frames × height × width, 16- or 32-bit,
/// bitshuffle-LZ4 or uncompressed. Not thread-safe.
/// </summary>
internal sealed class DataFileReader : IDisposable
{
    private readonly NativeFile _file;
    private readonly IH5Dataset _dataset;

    private DataFileReader(string path, NativeFile file, IH5Dataset dataset, int frames, int height, int width, PixelType pixelType)
    {
        FilePath = path;
        _file = file;
        _dataset = dataset;
        FrameCount = frames;
        Height = height;
        Width = width;
        PixelType = pixelType;
    }

    public string FilePath { get; }

    public int FrameCount { get; }

    public int Height { get; }

    public int Width { get; }

    public PixelType PixelType { get; }

    /// <summary>Opens <paramref name="path"/>; throws <see cref="FrameException"/> if it is not a data file.</summary>
    public static DataFileReader Open(string path)
    {
        PureHdfBitshuffleFilter.EnsureRegistered();
        NativeFile file;
        try
        {
            file = H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PureHDF reports a file that is not HDF5 with a bare Exception: whatever it throws here means unreadable.
            throw new FrameException($"not a readable HDF5 file: {e.Message}", path, null, e);
        }

        try
        {
            if (!file.LinkExists(DataFileWriter.DatasetPath) || file.Get(DataFileWriter.DatasetPath) is not IH5Dataset dataset)
            {
                throw new FrameException($"has no {DataFileWriter.DatasetPath} dataset: it is not a detector data file.", path, null);
            }

            var dimensions = dataset.Space.Dimensions;
            if (dimensions.Length != 3)
            {
                throw new FrameException($"{DataFileWriter.DatasetPath} has {dimensions.Length} dimensions, not frames × height × width.", path, null);
            }

            var type = dataset.Type;
            var pixelType = type is { Class: H5DataTypeClass.FixedPoint, Size: 2 } ? PixelType.UInt16
                : type is { Class: H5DataTypeClass.FixedPoint, Size: 4 } ? PixelType.UInt32
                : throw new FrameException($"{DataFileWriter.DatasetPath} holds {type.Class} of {type.Size} bytes, not 16- or 32-bit counts.", path, null);
            return new DataFileReader(path, file, dataset, checked((int)dimensions[0]), checked((int)dimensions[1]), checked((int)dimensions[2]), pixelType);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads frame <paramref name="index"/> of this file into <paramref name="destination"/>.</summary>
    public void Read(int index, uint[] destination, int frameNumber)
    {
        var selection = new HyperslabSelection(3, [(ulong)index, 0, 0], [1, (ulong)Height, (ulong)Width], [1, 1, 1], [1, (ulong)Height, (ulong)Width]);
        try
        {
            if (PixelType == PixelType.UInt32)
            {
                _dataset.Read(destination, selection);
            }
            else
            {
                var narrow = new ushort[destination.Length];
                _dataset.Read(narrow, selection);
                for (var i = 0; i < narrow.Length; i++)
                {
                    destination[i] = narrow[i];
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new FrameException($"frame {index} of the file cannot be read: {e.Message}", FilePath, frameNumber, e);
        }
    }

    public void Dispose() => _file.Dispose();
}
