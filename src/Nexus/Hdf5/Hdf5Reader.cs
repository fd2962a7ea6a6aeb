namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// Reads datasets through libhdf5 itself (its filter pipeline, or a stored chunk as it is): the reference path the
/// tests hold our writers and our registered filter against. Files are normally read with PureHDF (NxmxFile).
/// </summary>
internal static unsafe class Hdf5Reader
{
    /// <summary>Reads all of dataset <paramref name="path"/> into <paramref name="destination"/> as <paramref name="memoryType"/>.</summary>
    public static void Read(string file, string path, Span<byte> destination, long memoryType)
    {
        Hdf5Library.EnsureLoaded();
        lock (Hdf5Library.Sync)
        {
            using var h5 = Open(file);
            using var dataset = Hdf5Library.Check(Hdf5Native.H5Dopen2(h5.Id, path, Hdf5Native.Default), Hdf5HandleKind.Dataset, "H5Dopen2", file, path);
            fixed (byte* buffer = destination)
            {
                Hdf5Library.Check(Hdf5Native.H5Dread(dataset.Id, memoryType, 0, 0, Hdf5Native.Default, buffer), "H5Dread", file, path);
            }
        }
    }

    /// <summary>The chunk stored at <paramref name="offset"/>, as it is in the file (still compressed).</summary>
    public static byte[] ReadRawChunk(string file, string path, ReadOnlySpan<ulong> offset)
    {
        Hdf5Library.EnsureLoaded();
        lock (Hdf5Library.Sync)
        {
            using var h5 = Open(file);
            using var dataset = Hdf5Library.Check(Hdf5Native.H5Dopen2(h5.Id, path, Hdf5Native.Default), Hdf5HandleKind.Dataset, "H5Dopen2", file, path);
            fixed (ulong* start = offset)
            {
                ulong size;
                Hdf5Library.Check(Hdf5Native.H5Dget_chunk_storage_size(dataset.Id, start, &size), "H5Dget_chunk_storage_size", file, path);
                var chunk = new byte[size];
                uint mask;
                fixed (byte* buffer = chunk)
                {
                    Hdf5Library.Check(Hdf5Native.H5Dread_chunk(dataset.Id, Hdf5Native.Default, start, &mask, buffer), "H5Dread_chunk", file, path);
                }

                return chunk;
            }
        }
    }

    private static Hdf5Handle Open(string file) =>
        Hdf5Library.Check(Hdf5Native.H5Fopen(file, Hdf5Native.AccReadOnly, Hdf5Native.Default), Hdf5HandleKind.File, "H5Fopen", file, null);
}
