using System.Runtime.InteropServices;
using System.Text;

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

    /// <summary>
    /// The mappings of virtual dataset <paramref name="path"/>, in the order they were made: each source file (as
    /// recorded), where its frames start in the virtual dataset and in the source, and how many.
    /// </summary>
    public static IReadOnlyList<Hdf5VirtualMapping> VirtualMappings(string file, string path)
    {
        Hdf5Library.EnsureLoaded();
        lock (Hdf5Library.Sync)
        {
            using var h5 = Open(file);
            using var dataset = Hdf5Library.Check(Hdf5Native.H5Dopen2(h5.Id, path, Hdf5Native.Default), Hdf5HandleKind.Dataset, "H5Dopen2", file, path);
            using var list = Hdf5Library.Check(Hdf5Native.H5Dget_create_plist(dataset.Id), Hdf5HandleKind.PropertyList, "H5Dget_create_plist", file, path);
            nuint count;
            Hdf5Library.Check(Hdf5Native.H5Pget_virtual_count(list.Id, &count), "H5Pget_virtual_count", file, path);
            var mappings = new List<Hdf5VirtualMapping>();
            var start = stackalloc ulong[3];
            var end = stackalloc ulong[3];
            var name = new byte[4096];
            for (nuint i = 0; i < count; i++)
            {
                using var virtualSpace = Hdf5Library.Check(Hdf5Native.H5Pget_virtual_vspace(list.Id, i), Hdf5HandleKind.Dataspace, "H5Pget_virtual_vspace", file, path);
                Hdf5Library.Check(Hdf5Native.H5Sget_select_bounds(virtualSpace.Id, start, end), "H5Sget_select_bounds", file, path);
                var (virtualStart, frames) = (start[0], end[0] - start[0] + 1);
                using var sourceSpace = Hdf5Library.Check(Hdf5Native.H5Pget_virtual_srcspace(list.Id, i), Hdf5HandleKind.Dataspace, "H5Pget_virtual_srcspace", file, path);
                Hdf5Library.Check(Hdf5Native.H5Sget_select_bounds(sourceSpace.Id, start, end), "H5Sget_select_bounds", file, path);
                nint length;
                fixed (byte* buffer = name)
                {
                    length = Hdf5Native.H5Pget_virtual_filename(list.Id, i, buffer, (nuint)name.Length);
                }

                if (length < 0)
                {
                    throw Hdf5Library.Failure("H5Pget_virtual_filename", file, path);
                }

                var source = Encoding.UTF8.GetString(name, 0, (int)Math.Min(length, name.Length - 1));
                mappings.Add(new Hdf5VirtualMapping(source, (long)virtualStart, (long)start[0], (long)frames));
            }

            return mappings;
        }
    }

    /// <summary>The file and object an external link at <paramref name="path"/> leads to; null if it is not an external link.</summary>
    public static (string File, string Object)? ExternalLinkTarget(string file, string path)
    {
        Hdf5Library.EnsureLoaded();
        lock (Hdf5Library.Sync)
        {
            using var h5 = Open(file);
            var value = new byte[4096];
            fixed (byte* buffer = value)
            {
                if (Hdf5Native.H5Lget_val(h5.Id, path, buffer, (nuint)value.Length, Hdf5Native.Default) < 0)
                {
                    throw Hdf5Library.Failure("H5Lget_val", file, path);
                }

                uint flags;
                byte* target;
                byte* objectPath;
                if (Hdf5Native.H5Lunpack_elink_val(buffer, (nuint)value.Length, &flags, &target, &objectPath) < 0)
                {
                    // Not an external link: libhdf5 reports it as a failure, which is not one here.
                    _ = Hdf5Native.H5Eclear2(Hdf5Native.Default);
                    return null;
                }

                return (Marshal.PtrToStringUTF8((IntPtr)target) ?? string.Empty, Marshal.PtrToStringUTF8((IntPtr)objectPath) ?? string.Empty);
            }
        }
    }

    private static Hdf5Handle Open(string file) =>
        Hdf5Library.Check(Hdf5Native.H5Fopen(file, Hdf5Native.AccReadOnly, Hdf5Native.Default), Hdf5HandleKind.File, "H5Fopen", file, null);
}
