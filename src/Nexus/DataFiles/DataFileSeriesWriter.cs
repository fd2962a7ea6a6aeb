using Hyperion.Nexus.Errors;

namespace Hyperion.Nexus.DataFiles;

/// <summary>
/// Writes a collection's frames as Odin does: <c>{stem}_000001.h5</c>, <c>{stem}_000002.h5</c>, … in one directory,
/// each holding at most <see cref="DataFileOptions.FramesPerFile"/> frames (see <see cref="DataFileWriter"/> for the
/// layout and the write-then-rename rule). A file is started by its first frame and finished when full or at
/// <see cref="Close"/>, so only complete files ever carry their final names.
/// </summary>
public sealed class DataFileSeriesWriter : IDisposable
{
    private readonly List<DataFileInfo> _files = [];
    private DataFileWriter? _current;
    private bool _closed;

    /// <summary>Prepares to write <paramref name="stem"/>'s data files in <paramref name="directory"/>.</summary>
    /// <param name="directory">An existing, writable directory.</param>
    /// <param name="stem">The collection's file-name stem, e.g. <c>thau_1</c>.</param>
    /// <param name="width">Pixels per row.</param>
    /// <param name="height">Rows.</param>
    /// <param name="options">Pixel type, compression, frames per file; the defaults are Odin's.</param>
    public DataFileSeriesWriter(string directory, string stem, int width, int height, DataFileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(stem);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (stem.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) >= 0)
        {
            throw new ArgumentException($"The stem '{stem}' is a file-name stem, not a path.", nameof(stem));
        }

        Options = options ?? new DataFileOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.FramesPerFile, nameof(options));
        Directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new NexusWriteException($"The directory {Directory} does not exist.", Path.Combine(Directory, FileName(stem, 1)));
        }

        Stem = stem;
        Width = width;
        Height = height;
    }

    /// <summary>The directory written to.</summary>
    public string Directory { get; }

    /// <summary>The file-name stem.</summary>
    public string Stem { get; }

    /// <summary>Pixels per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>The layout options.</summary>
    public DataFileOptions Options { get; }

    /// <summary>The frames written so far.</summary>
    public int FrameCount { get; private set; }

    /// <summary>The files finished so far (the one being written is not among them).</summary>
    public IReadOnlyList<DataFileInfo> Files => _files;

    /// <summary>The name of data file <paramref name="number"/> (1-based): <c>{stem}_{number:D6}.h5</c>.</summary>
    public static string FileName(string stem, int number) => $"{stem}_{number:D6}.h5";

    /// <summary>The bytes the last frame written took in its file (its compressed chunk, or its raw pixels).</summary>
    public int LastChunkBytes { get; private set; }

    /// <summary>Appends a 16-bit frame.</summary>
    public void WriteFrame(ReadOnlySpan<ushort> frame)
    {
        var writer = Next();
        writer.WriteFrame(frame);
        LastChunkBytes = writer.LastChunkBytes;
        FrameCount++;
    }

    /// <summary>Appends a 32-bit frame.</summary>
    public void WriteFrame(ReadOnlySpan<uint> frame)
    {
        var writer = Next();
        writer.WriteFrame(frame);
        LastChunkBytes = writer.LastChunkBytes;
        FrameCount++;
    }

    /// <summary>Appends a frame already compressed (see <see cref="DataFileWriter.WriteChunk"/>).</summary>
    public void WriteChunk(ReadOnlySpan<byte> chunk)
    {
        var writer = Next();
        writer.WriteChunk(chunk);
        LastChunkBytes = writer.LastChunkBytes;
        FrameCount++;
    }

    /// <summary>Finishes the file being written and returns every file, in order. Closing twice is harmless.</summary>
    public IReadOnlyList<DataFileInfo> Close()
    {
        _closed = true;
        Finish();
        return _files;
    }

    /// <summary>Discards the file being written; finished files stay.</summary>
    public void Abort()
    {
        _closed = true;
        _current?.Abort();
        _current = null;
    }

    /// <summary>Closes (see <see cref="Close"/>).</summary>
    public void Dispose() => Close();

    private DataFileWriter Next()
    {
        if (_closed)
        {
            throw new NexusWriteException("The data file series is closed; no more frames can be written.", Path.Combine(Directory, FileName(Stem, _files.Count + 1)));
        }

        if (_current is { } current && current.FrameCount >= Options.FramesPerFile)
        {
            Finish();
        }

        _current ??= DataFileWriter.Create(
            Path.Combine(Directory, FileName(Stem, _files.Count + 1)),
            Width,
            Height,
            Options.PixelType,
            Options.Compression,
            FrameCount + 1,
            Options.Overwrite);
        return _current;
    }

    private void Finish()
    {
        if (_current is null)
        {
            return;
        }

        var writer = _current;
        _current = null;
        _files.Add(writer.Close());
    }
}
