using System.Runtime.InteropServices;
using Hyperion.Nexus.Compression;
using Hyperion.Nexus.Errors;
using Hyperion.Nexus.Hdf5;

namespace Hyperion.Nexus.DataFiles;

/// <summary>
/// Writes one Eiger/Odin-style data file as frames arrive: <c>/data</c> is frames × height × width, one frame per
/// chunk, compressed with bitshuffle-LZ4 (or not) and written with libhdf5's direct chunk write, so only the frame
/// in hand is ever in memory. <c>/data</c> carries <c>image_nr_low</c> and <c>image_nr_high</c>.
/// </summary>
/// <remarks>
/// The file is written as <c>{name}.partial</c> and renamed to its name by <see cref="Close"/>, so a file under the
/// final name is always complete. <see cref="Dispose"/> closes (keeping the frames written, as a detector stopped
/// early does); <see cref="Abort"/> discards. A libhdf5 failure discards the file and faults the writer. One writer
/// is used from one thread at a time.
/// </remarks>
public sealed class DataFileWriter : IDisposable
{
    /// <summary>The dataset holding the frames, as Odin names it.</summary>
    public const string DatasetPath = "/data";

    private readonly Hdf5WritableFile _file;
    private readonly Hdf5ChunkedDataset _dataset;
    private readonly byte[] _chunk;
    private readonly ulong[] _offset = new ulong[3];
    private readonly ulong[] _extent;
    private State _state;

    private DataFileWriter(Hdf5WritableFile file, Hdf5ChunkedDataset dataset, int width, int height, PixelType pixelType, FrameCompression compression, int firstImageNumber)
    {
        _file = file;
        _dataset = dataset;
        Width = width;
        Height = height;
        PixelType = pixelType;
        Compression = compression;
        FirstImageNumber = firstImageNumber;
        _extent = [0, (ulong)height, (ulong)width];
        _chunk = compression == FrameCompression.BitshuffleLz4 ? new byte[BitshuffleLz4.MaxCompressedSize(FrameBytes, ElementSize)] : [];
    }

    private enum State
    {
        Open,
        Closed,
        Faulted,
    }

    /// <summary>The final path (the file is written beside it as <c>{path}.partial</c> until closed).</summary>
    public string FilePath => _file.FinalPath;

    /// <summary>Pixels per row (fast axis).</summary>
    public int Width { get; }

    /// <summary>Rows (slow axis).</summary>
    public int Height { get; }

    /// <summary>The pixel type.</summary>
    public PixelType PixelType { get; }

    /// <summary>The compression.</summary>
    public FrameCompression Compression { get; }

    /// <summary>The 1-based image number of the file's first frame.</summary>
    public int FirstImageNumber { get; }

    /// <summary>The frames written so far.</summary>
    public int FrameCount { get; private set; }

    private int ElementSize => (int)PixelType;

    private int FrameBytes => checked(Width * Height * ElementSize);

    /// <summary>
    /// Starts <paramref name="path"/>. Throws <see cref="NexusWriteException"/> if its directory is missing or
    /// unwritable or the file exists (unless <paramref name="overwrite"/>).
    /// </summary>
    public static DataFileWriter Create(string path, int width, int height, PixelType pixelType = PixelType.UInt32, FrameCompression compression = FrameCompression.BitshuffleLz4, int firstImageNumber = 1, bool overwrite = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(firstImageNumber);
        if (pixelType is not (PixelType.UInt16 or PixelType.UInt32))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelType), pixelType, "Frames are 16- or 32-bit.");
        }

        var file = Hdf5WritableFile.Create(path, overwrite);
        try
        {
            var elementSize = (int)pixelType;
            var filter = compression == FrameCompression.BitshuffleLz4 ? Hdf5Filter.BitshuffleLz4(elementSize) : Hdf5Filter.None;
            var type = pixelType == PixelType.UInt16 ? Hdf5Library.U16 : Hdf5Library.U32;
            var dataset = file.Root.CreateChunkedDataset(
                DatasetPath[1..],
                type,
                [0, (ulong)height, (ulong)width],
                [1, (ulong)height, (ulong)width],
                growable: true,
                filter);
            return new DataFileWriter(file, dataset, width, height, pixelType, compression, firstImageNumber);
        }
        catch (NexusException)
        {
            file.Abort();
            throw;
        }
    }

    /// <summary>Appends a 16-bit frame (row-major, <see cref="Width"/> × <see cref="Height"/>).</summary>
    public void WriteFrame(ReadOnlySpan<ushort> frame) => WriteFrame(MemoryMarshal.AsBytes(frame), PixelType.UInt16, frame.Length);

    /// <summary>Appends a 32-bit frame (row-major, <see cref="Width"/> × <see cref="Height"/>).</summary>
    public void WriteFrame(ReadOnlySpan<uint> frame) => WriteFrame(MemoryMarshal.AsBytes(frame), PixelType.UInt32, frame.Length);

    /// <summary>
    /// Appends a frame already in the file's storage form: a bitshuffle-LZ4 chunk (as <see cref="BitshuffleLz4"/>
    /// or the detector produced it) or, uncompressed, the raw little-endian pixels. Compressing frames on other threads
    /// and handing the chunks here keeps the writer's own thread for I/O.
    /// </summary>
    public void WriteChunk(ReadOnlySpan<byte> chunk)
    {
        EnsureOpen();
        if (Compression == FrameCompression.None && chunk.Length != FrameBytes)
        {
            throw new NexusWriteException($"An uncompressed frame is {FrameBytes} bytes ({Width} × {Height} × {ElementSize}); this one is {chunk.Length}.", FilePath, DatasetPath);
        }

        if (Compression == FrameCompression.BitshuffleLz4)
        {
            var size = chunk.Length >= BitshuffleLz4.HeaderSize ? BitshuffleLz4.ReadUncompressedSize(chunk) : -1;
            if (size != FrameBytes)
            {
                throw new NexusWriteException($"A compressed frame must decompress to {FrameBytes} bytes ({Width} × {Height} × {ElementSize}); this chunk's header says {size}.", FilePath, DatasetPath);
            }
        }

        Append(chunk);
    }

    /// <summary>The bytes the last frame took in the file (its compressed chunk, or its raw pixels).</summary>
    public int LastChunkBytes { get; private set; }

    /// <summary>
    /// Closes the file (recording <c>image_nr_low</c>/<c>image_nr_high</c>) and gives it its final name. Closing
    /// twice is harmless.
    /// </summary>
    public DataFileInfo Close()
    {
        var info = new DataFileInfo(FilePath, FirstImageNumber, FrameCount);
        if (_state == State.Closed)
        {
            return info;
        }

        EnsureOpen();
        try
        {
            _dataset.SetAttribute("image_nr_low", FirstImageNumber);
            _dataset.SetAttribute("image_nr_high", FirstImageNumber + FrameCount - 1);
            _dataset.Close();
            _file.Commit();
            _state = State.Closed;
            return info;
        }
        catch (NexusException)
        {
            Fault();
            throw;
        }
    }

    /// <summary>Discards the file: nothing appears under <see cref="FilePath"/>.</summary>
    public void Abort()
    {
        if (_state == State.Open)
        {
            Fault();
        }
    }

    /// <summary>Closes the file if it is still open (see <see cref="Close"/>).</summary>
    public void Dispose()
    {
        if (_state == State.Open)
        {
            Close();
        }
    }

    private void WriteFrame(ReadOnlySpan<byte> frame, PixelType type, int pixels)
    {
        EnsureOpen();
        if (type != PixelType)
        {
            throw new NexusWriteException($"The file holds {PixelType} pixels; this frame is {type}.", FilePath, DatasetPath);
        }

        if (pixels != Width * Height)
        {
            throw new NexusWriteException($"A frame is {Width} × {Height} = {Width * Height} pixels; this one has {pixels}.", FilePath, DatasetPath);
        }

        if (Compression == FrameCompression.None)
        {
            Append(frame);
            return;
        }

        var length = BitshuffleLz4.Compress(frame, _chunk, ElementSize);
        Append(_chunk.AsSpan(0, length));
    }

    private void Append(ReadOnlySpan<byte> chunk)
    {
        LastChunkBytes = chunk.Length;
        try
        {
            _extent[0] = (ulong)FrameCount + 1;
            _dataset.SetExtent(_extent);
            _offset[0] = (ulong)FrameCount;
            _dataset.WriteChunk(_offset, chunk);
            FrameCount++;
        }
        catch (NexusException)
        {
            Fault();
            throw;
        }
    }

    private void EnsureOpen()
    {
        if (_state != State.Open)
        {
            throw new NexusWriteException(
                _state == State.Closed ? "The data file is closed; no more frames can be written." : "An earlier write failed and the data file was discarded.",
                FilePath,
                DatasetPath);
        }
    }

    private void Fault()
    {
        _state = State.Faulted;
        _dataset.Dispose();
        _file.Abort();
    }
}
