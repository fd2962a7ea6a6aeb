namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// A chunked dataset written chunk by chunk with <c>H5Dwrite_chunk</c>: the caller hands over chunks already filtered
/// (compressed) as the dataset's pipeline says, as Odin writes the Eiger's precompressed chunks.
/// </summary>
internal sealed unsafe class Hdf5ChunkedDataset : IDisposable
{
    private readonly Hdf5Handle _handle;
    private readonly int _rank;

    public Hdf5ChunkedDataset(Hdf5Handle handle, string path, string file, int rank)
    {
        _handle = handle;
        _rank = rank;
        Path = path;
        File = file;
    }

    public string Path { get; }

    public string File { get; }

    /// <summary>Sets the current dimensions (growing or shrinking along the unlimited first one).</summary>
    public void SetExtent(ReadOnlySpan<ulong> dims)
    {
        if (dims.Length != _rank)
        {
            throw new ArgumentException($"{dims.Length} dimensions for a rank-{_rank} dataset.", nameof(dims));
        }

        lock (Hdf5Library.Sync)
        {
            fixed (ulong* size = dims)
            {
                Hdf5Library.Check(Hdf5Native.H5Dset_extent(_handle.Id, size), "H5Dset_extent", File, Path);
            }
        }
    }

    /// <summary>Writes one stored chunk at <paramref name="offset"/> (element coordinates of its first element).</summary>
    public void WriteChunk(ReadOnlySpan<ulong> offset, ReadOnlySpan<byte> chunk)
    {
        if (offset.Length != _rank)
        {
            throw new ArgumentException($"A {offset.Length}-dimensional offset for a rank-{_rank} dataset.", nameof(offset));
        }

        lock (Hdf5Library.Sync)
        {
            fixed (ulong* start = offset)
            fixed (byte* data = chunk)
            {
                Hdf5Library.Check(Hdf5Native.H5Dwrite_chunk(_handle.Id, Hdf5Native.Default, 0, start, (nuint)chunk.Length, data), "H5Dwrite_chunk", File, Path);
            }
        }
    }

    /// <summary>
    /// Writes the whole dataset through libhdf5's filter pipeline (so through <see cref="Hdf5BitshuffleFilter"/> for
    /// a bitshuffle dataset); <paramref name="memoryType"/> describes <paramref name="data"/>.
    /// </summary>
    public void WriteAll(ReadOnlySpan<byte> data, long memoryType)
    {
        lock (Hdf5Library.Sync)
        {
            fixed (byte* buffer = data)
            {
                Hdf5Library.Check(Hdf5Native.H5Dwrite(_handle.Id, memoryType, 0, 0, Hdf5Native.Default, buffer), "H5Dwrite", File, Path);
            }
        }
    }

    /// <summary>Sets an attribute on the dataset.</summary>
    public void SetAttribute(string name, object value) => Hdf5Group.WriteAttribute(_handle, File, Path, name, value);

    /// <summary>Closes the dataset, reporting a failure.</summary>
    public void Close() => _handle.CloseChecked(File, Path);

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();
}
