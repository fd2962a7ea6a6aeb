using System.Text;

namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// A group open for writing in an <see cref="Hdf5WritableFile"/>: creates subgroups, small datasets with their
/// attributes, links and virtual datasets. Every failure names the file and the HDF5 path.
/// </summary>
internal sealed unsafe class Hdf5Group : IDisposable
{
    private readonly Hdf5Handle _handle;

    public Hdf5Group(Hdf5Handle handle, string path, string file)
    {
        _handle = handle;
        Path = path;
        File = file;
    }

    /// <summary>The group's HDF5 path, e.g. <c>/entry/instrument</c>.</summary>
    public string Path { get; }

    /// <summary>The file written (its temporary name while writing).</summary>
    public string File { get; }

    /// <summary>Creates a subgroup, with an <c>NX_class</c> attribute if <paramref name="nxClass"/> is given.</summary>
    public Hdf5Group CreateGroup(string name, string? nxClass = null)
    {
        var path = Child(name);
        Hdf5Group group;
        lock (Hdf5Library.Sync)
        {
            var id = Hdf5Native.H5Gcreate2(_handle.Id, name, Hdf5Native.Default, Hdf5Native.Default, Hdf5Native.Default);
            group = new Hdf5Group(Hdf5Library.Check(id, Hdf5HandleKind.Group, "H5Gcreate2", File, path), path, File);
        }

        if (nxClass is not null)
        {
            group.SetAttribute("NX_class", nxClass);
        }

        return group;
    }

    /// <summary>Sets an attribute on this group.</summary>
    public void SetAttribute(string name, object value) => WriteAttribute(_handle, File, Path, name, value);

    /// <summary>
    /// Writes a small dataset: a string, a double, a long or an int as a scalar; a double, long or int array as one
    /// dimension; a <see cref="Array"/> of rank 2 (double or int) as two.
    /// </summary>
    public void WriteDataset(string name, object value, params ReadOnlySpan<Hdf5Attribute> attributes)
    {
        var path = Child(name);
        lock (Hdf5Library.Sync)
        {
            using var type = TypeOf(value, path);
            using var space = SpaceOf(value, path);
            using var dataset = Hdf5Library.Check(
                Hdf5Native.H5Dcreate2(_handle.Id, name, type.Id, space.Id, Hdf5Native.Default, Hdf5Native.Default, Hdf5Native.Default),
                Hdf5HandleKind.Dataset,
                "H5Dcreate2",
                File,
                path);
            WithBytes(value, bytes => Hdf5Library.Check(Hdf5Native.H5Dwrite(dataset.Id, type.Id, 0, 0, Hdf5Native.Default, (void*)bytes), "H5Dwrite", File, path));
            foreach (var attribute in attributes)
            {
                WriteAttribute(dataset, File, path, attribute.Name, attribute.Value);
            }
        }
    }

    /// <summary>Adds an external link <paramref name="name"/> → <paramref name="targetFile"/>:<paramref name="targetPath"/>.</summary>
    public void CreateExternalLink(string name, string targetFile, string targetPath)
    {
        lock (Hdf5Library.Sync)
        {
            Hdf5Library.Check(Hdf5Native.H5Lcreate_external(targetFile, targetPath, _handle.Id, name, Hdf5Native.Default, Hdf5Native.Default), "H5Lcreate_external", File, Child(name));
        }
    }

    /// <summary>Adds a hard link <paramref name="name"/> to the object at absolute <paramref name="targetPath"/> in this file.</summary>
    public void CreateHardLink(string name, string targetPath)
    {
        lock (Hdf5Library.Sync)
        {
            Hdf5Library.Check(Hdf5Native.H5Lcreate_hard(_handle.Id, targetPath, _handle.Id, name, Hdf5Native.Default, Hdf5Native.Default), "H5Lcreate_hard", File, Child(name));
        }
    }

    /// <summary>
    /// Creates a virtual dataset of frames × <paramref name="height"/> × <paramref name="width"/> that stacks the
    /// <paramref name="sources"/> in order (nexgen's <c>/entry/data/data</c>); each source may start part-way into its
    /// dataset (nexgen's <c>vds_offset</c>).
    /// </summary>
    public void CreateVirtualDataset(string name, long fileType, int height, int width, IReadOnlyList<Hdf5VirtualSource> sources, params ReadOnlySpan<Hdf5Attribute> attributes)
    {
        var path = Child(name);
        var total = (ulong)sources.Sum(s => (long)s.Frames);
        lock (Hdf5Library.Sync)
        {
            using var list = Hdf5Library.Check(Hdf5Native.H5Pcreate(Hdf5Library.DatasetCreateClass), Hdf5HandleKind.PropertyList, "H5Pcreate", File, path);
            var dims = stackalloc ulong[] { total, (ulong)height, (ulong)width };
            using var space = Hdf5Library.Check(Hdf5Native.H5Screate_simple(3, dims, null), Hdf5HandleKind.Dataspace, "H5Screate_simple", File, path);
            ulong offset = 0;
            var start = stackalloc ulong[3];
            var count = stackalloc ulong[] { 0, (ulong)height, (ulong)width };
            var extent = stackalloc ulong[] { 0, (ulong)height, (ulong)width };
            var sourceStart = stackalloc ulong[3];
            foreach (var source in sources)
            {
                start[0] = offset;
                count[0] = (ulong)source.Frames;
                Hdf5Library.Check(Hdf5Native.H5Sselect_hyperslab(space.Id, Hdf5Native.SelectSet, start, null, count, null), "H5Sselect_hyperslab", File, path);

                // The source's dataspace is its whole dataset; the frames taken are a hyperslab of it.
                extent[0] = (ulong)source.Extent;
                sourceStart[0] = (ulong)source.FirstFrame;
                using var sourceSpace = Hdf5Library.Check(Hdf5Native.H5Screate_simple(3, extent, null), Hdf5HandleKind.Dataspace, "H5Screate_simple", File, path);
                Hdf5Library.Check(Hdf5Native.H5Sselect_hyperslab(sourceSpace.Id, Hdf5Native.SelectSet, sourceStart, null, count, null), "H5Sselect_hyperslab", File, $"{path} ← {source.File}:{source.Dataset}");
                Hdf5Library.Check(Hdf5Native.H5Pset_virtual(list.Id, space.Id, source.File, source.Dataset, sourceSpace.Id), "H5Pset_virtual", File, $"{path} ← {source.File}:{source.Dataset}");
                offset += (ulong)source.Frames;
            }

            using var full = Hdf5Library.Check(Hdf5Native.H5Screate_simple(3, dims, null), Hdf5HandleKind.Dataspace, "H5Screate_simple", File, path);
            using var dataset = Hdf5Library.Check(
                Hdf5Native.H5Dcreate2(_handle.Id, name, fileType, full.Id, Hdf5Native.Default, list.Id, Hdf5Native.Default),
                Hdf5HandleKind.Dataset,
                "H5Dcreate2",
                File,
                path);
            foreach (var attribute in attributes)
            {
                WriteAttribute(dataset, File, path, attribute.Name, attribute.Value);
            }
        }
    }

    /// <summary>
    /// Creates a chunked dataset for direct chunk writes: <paramref name="dims"/> now (the first may grow when
    /// <paramref name="growable"/>), chunks of <paramref name="chunk"/>, and the filter pipeline the chunks will carry.
    /// </summary>
    public Hdf5ChunkedDataset CreateChunkedDataset(string name, long fileType, ReadOnlySpan<ulong> dims, ReadOnlySpan<ulong> chunk, bool growable, Hdf5Filter filter)
    {
        var path = Child(name);
        lock (Hdf5Library.Sync)
        {
            var rank = dims.Length;
            using var list = Hdf5Library.Check(Hdf5Native.H5Pcreate(Hdf5Library.DatasetCreateClass), Hdf5HandleKind.PropertyList, "H5Pcreate", File, path);
            fixed (ulong* chunkDims = chunk, current = dims)
            {
                Hdf5Library.Check(Hdf5Native.H5Pset_chunk(list.Id, rank, chunkDims), "H5Pset_chunk", File, path);
                if (filter.Id != 0)
                {
                    fixed (uint* values = filter.Parameters)
                    {
                        Hdf5Library.Check(Hdf5Native.H5Pset_filter(list.Id, filter.Id, filter.Flags, (nuint)filter.Parameters.Length, values), "H5Pset_filter", File, path);
                    }
                }

                var maximum = stackalloc ulong[rank];
                dims.CopyTo(new Span<ulong>(maximum, rank));
                if (growable)
                {
                    maximum[0] = Hdf5Native.Unlimited;
                }

                using var space = Hdf5Library.Check(Hdf5Native.H5Screate_simple(rank, current, maximum), Hdf5HandleKind.Dataspace, "H5Screate_simple", File, path);
                var dataset = Hdf5Library.Check(
                    Hdf5Native.H5Dcreate2(_handle.Id, name, fileType, space.Id, Hdf5Native.Default, list.Id, Hdf5Native.Default),
                    Hdf5HandleKind.Dataset,
                    "H5Dcreate2",
                    File,
                    path);
                return new Hdf5ChunkedDataset(dataset, path, File, rank);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();

    /// <summary>Closes the group, reporting a failure.</summary>
    public void Close() => _handle.CloseChecked(File, Path);

    internal static void WriteAttribute(Hdf5Handle owner, string file, string ownerPath, string name, object value)
    {
        var path = $"{ownerPath}@{name}";
        lock (Hdf5Library.Sync)
        {
            using var type = TypeOf(value, path);
            using var space = SpaceOf(value, path);
            using var attribute = Hdf5Library.Check(
                Hdf5Native.H5Acreate2(owner.Id, name, type.Id, space.Id, Hdf5Native.Default, Hdf5Native.Default),
                Hdf5HandleKind.Attribute,
                "H5Acreate2",
                file,
                path);
            WithBytes(value, bytes => Hdf5Library.Check(Hdf5Native.H5Awrite(attribute.Id, type.Id, (void*)bytes), "H5Awrite", file, path));
        }
    }

    private string Child(string name) => Path == "/" ? "/" + name : Path + "/" + name;

    // The in-memory and file type are the same: little-endian numbers (x86 and Arm are), fixed-length UTF-8 strings.
    private static Hdf5Handle TypeOf(object value, string path)
    {
        if (value is string text)
        {
            var type = Hdf5Library.Check(Hdf5Native.H5Tcopy(Hdf5Library.CString), Hdf5HandleKind.Datatype, "H5Tcopy", null, path);
            Hdf5Library.Check(Hdf5Native.H5Tset_size(type.Id, (nuint)(Encoding.UTF8.GetByteCount(text) + 1)), "H5Tset_size", null, path);
            Hdf5Library.Check(Hdf5Native.H5Tset_strpad(type.Id, Hdf5Native.StringNullTerminated), "H5Tset_strpad", null, path);
            Hdf5Library.Check(Hdf5Native.H5Tset_cset(type.Id, Hdf5Native.CharacterSetUtf8), "H5Tset_cset", null, path);
            return type;
        }

        var predefined = value switch
        {
            double or double[] or double[,] => Hdf5Library.F64,
            long or long[] => Hdf5Library.I64,
            int or int[] or int[,] => Hdf5Library.I32,
            uint or uint[] => Hdf5Library.U32,
            byte or byte[] => Hdf5Library.U8,
            _ => throw new ArgumentException($"No HDF5 type for a {value.GetType().Name} at {path}.", nameof(value)),
        };
        return Hdf5Library.Check(Hdf5Native.H5Tcopy(predefined), Hdf5HandleKind.Datatype, "H5Tcopy", null, path);
    }

    private static Hdf5Handle SpaceOf(object value, string path)
    {
        if (value is not Array array)
        {
            return Hdf5Library.Check(Hdf5Native.H5Screate(Hdf5Native.ScalarSpace), Hdf5HandleKind.Dataspace, "H5Screate", null, path);
        }

        var dims = stackalloc ulong[array.Rank];
        for (var i = 0; i < array.Rank; i++)
        {
            dims[i] = (ulong)array.GetLength(i);
        }

        return Hdf5Library.Check(Hdf5Native.H5Screate_simple(array.Rank, dims, null), Hdf5HandleKind.Dataspace, "H5Screate_simple", null, path);
    }

    private static void WithBytes(object value, Action<IntPtr> write)
    {
        switch (value)
        {
            case string text:
                var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
                Encoding.UTF8.GetBytes(text, bytes);
                Pin(bytes, write);
                break;
            case double d:
                write((IntPtr)(&d));
                break;
            case long l:
                write((IntPtr)(&l));
                break;
            case int i:
                write((IntPtr)(&i));
                break;
            case uint u:
                write((IntPtr)(&u));
                break;
            case byte b:
                write((IntPtr)(&b));
                break;
            case Array array:
                Pin(array, write);
                break;
            default:
                throw new ArgumentException($"No HDF5 encoding for a {value.GetType().Name}.", nameof(value));
        }
    }

    private static void Pin(Array array, Action<IntPtr> write)
    {
        var pin = System.Runtime.InteropServices.GCHandle.Alloc(array, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            write(pin.AddrOfPinnedObject());
        }
        finally
        {
            pin.Free();
        }
    }
}
