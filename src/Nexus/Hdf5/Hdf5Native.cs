using System.Runtime.InteropServices;

namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// The libhdf5 1.10 C API this project calls (hid_t is int64, hsize_t uint64, herr_t and htri_t int). The library name
/// "hdf5" is resolved by <see cref="Hdf5Library"/> to Debian's serial build, <c>libhdf5_serial.so.103</c>. Call these
/// only through <see cref="Hdf5Library"/>, which loads the library, checks return codes and serializes access.
/// </summary>
internal static unsafe partial class Hdf5Native
{
    public const string Library = "hdf5";

    public const long Default = 0;
    public const uint AccReadOnly = 0;
    public const uint AccTruncate = 0x0002;
    public const uint AccExclusive = 0x0004;
    public const ulong Unlimited = ulong.MaxValue;
    public const int ScalarSpace = 0;
    public const int SelectSet = 0;
    public const int StringNullTerminated = 0;
    public const int CharacterSetUtf8 = 1;
    public const int LibraryVersionEarliest = 0;
    public const int LibraryVersionV110 = 2;
    public const int CloseStrong = 3;
    public const uint FilterOptional = 0x0001;
    public const uint FilterReverse = 0x0100;
    public const int WalkDownward = 1;
    public const int FilterClassVersion = 1;

    [LibraryImport(Library)]
    public static partial int H5open();

    [LibraryImport(Library)]
    public static partial int H5get_libversion(out uint major, out uint minor, out uint release);

    [LibraryImport(Library)]
    public static partial int H5Eset_auto2(long stack, IntPtr function, IntPtr clientData);

    [LibraryImport(Library)]
    public static partial int H5Ewalk2(long stack, int direction, delegate* unmanaged<uint, Hdf5ErrorRecord*, void*, int> callback, void* clientData);

    [LibraryImport(Library)]
    public static partial int H5Eclear2(long stack);

    [LibraryImport(Library)]
    public static partial void* H5allocate_memory(nuint size, [MarshalAs(UnmanagedType.U1)] bool clear);

    [LibraryImport(Library)]
    public static partial int H5free_memory(void* memory);

    [LibraryImport(Library)]
    public static partial int H5Zregister(Hdf5FilterClass* filterClass);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long H5Fcreate(string name, uint flags, long creationList, long accessList);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long H5Fopen(string name, uint flags, long accessList);

    [LibraryImport(Library)]
    public static partial int H5Fclose(long file);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long H5Gcreate2(long location, string name, long linkCreationList, long creationList, long accessList);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long H5Gopen2(long location, string name, long accessList);

    [LibraryImport(Library)]
    public static partial int H5Gclose(long group);

    [LibraryImport(Library)]
    public static partial long H5Screate(int type);

    [LibraryImport(Library)]
    public static partial long H5Screate_simple(int rank, ulong* dims, ulong* maxDims);

    [LibraryImport(Library)]
    public static partial int H5Sselect_hyperslab(long space, int operation, ulong* start, ulong* stride, ulong* count, ulong* block);

    [LibraryImport(Library)]
    public static partial int H5Sclose(long space);

    [LibraryImport(Library)]
    public static partial long H5Tcopy(long type);

    [LibraryImport(Library)]
    public static partial int H5Tset_size(long type, nuint size);

    [LibraryImport(Library)]
    public static partial int H5Tset_strpad(long type, int pad);

    [LibraryImport(Library)]
    public static partial int H5Tset_cset(long type, int characterSet);

    [LibraryImport(Library)]
    public static partial int H5Tclose(long type);

    [LibraryImport(Library)]
    public static partial long H5Pcreate(long propertyClass);

    [LibraryImport(Library)]
    public static partial int H5Pclose(long list);

    [LibraryImport(Library)]
    public static partial int H5Pset_chunk(long list, int rank, ulong* dims);

    [LibraryImport(Library)]
    public static partial int H5Pset_filter(long list, int filter, uint flags, nuint count, uint* values);

    [LibraryImport(Library)]
    public static partial int H5Pset_libver_bounds(long list, int low, int high);

    [LibraryImport(Library)]
    public static partial int H5Pset_fclose_degree(long list, int degree);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int H5Pset_virtual(long list, long virtualSpace, string sourceFile, string sourceDataset, long sourceSpace);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long H5Dcreate2(long location, string name, long type, long space, long linkCreationList, long creationList, long accessList);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long H5Dopen2(long location, string name, long accessList);

    [LibraryImport(Library)]
    public static partial int H5Dclose(long dataset);

    [LibraryImport(Library)]
    public static partial int H5Dread(long dataset, long memoryType, long memorySpace, long fileSpace, long transferList, void* buffer);

    [LibraryImport(Library)]
    public static partial int H5Dread_chunk(long dataset, long transferList, ulong* offset, uint* filterMask, void* buffer);

    [LibraryImport(Library)]
    public static partial int H5Dget_chunk_storage_size(long dataset, ulong* offset, ulong* size);

    [LibraryImport(Library)]
    public static partial int H5Dwrite(long dataset, long memoryType, long memorySpace, long fileSpace, long transferList, void* buffer);

    [LibraryImport(Library)]
    public static partial int H5Dwrite_chunk(long dataset, long transferList, uint filterMask, ulong* offset, nuint size, void* buffer);

    [LibraryImport(Library)]
    public static partial int H5Dset_extent(long dataset, ulong* size);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial long H5Acreate2(long location, string name, long type, long space, long creationList, long accessList);

    [LibraryImport(Library)]
    public static partial int H5Awrite(long attribute, long memoryType, void* buffer);

    [LibraryImport(Library)]
    public static partial int H5Aclose(long attribute);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int H5Lcreate_external(string fileName, string objectName, long linkLocation, string linkName, long creationList, long accessList);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int H5Lcreate_hard(long objectLocation, string objectName, long linkLocation, string linkName, long creationList, long accessList);

    [LibraryImport(Library)]
    public static partial long H5Dget_create_plist(long dataset);

    [LibraryImport(Library)]
    public static partial int H5Pget_virtual_count(long list, nuint* count);

    [LibraryImport(Library)]
    public static partial long H5Pget_virtual_vspace(long list, nuint index);

    [LibraryImport(Library)]
    public static partial long H5Pget_virtual_srcspace(long list, nuint index);

    [LibraryImport(Library)]
    public static partial nint H5Pget_virtual_filename(long list, nuint index, byte* name, nuint size);

    [LibraryImport(Library)]
    public static partial int H5Sget_select_bounds(long space, ulong* start, ulong* end);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int H5Lget_val(long location, string name, byte* buffer, nuint size, long accessList);

    [LibraryImport(Library)]
    public static partial int H5Lunpack_elink_val(byte* value, nuint size, uint* flags, byte** fileName, byte** objectPath);
}
