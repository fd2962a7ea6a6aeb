using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Hyperion.Nexus.Errors;

namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// Loads libhdf5 once (Debian's serial build, <c>libhdf5_serial.so.103</c>; <c>HYPERION_LIBHDF5</c> names another),
/// silences its automatic error printing, reads the predefined type and property-class identifiers, and registers
/// <see cref="Hdf5BitshuffleFilter"/> as filter 32008. Every call goes through <see cref="Sync"/>: libhdf5 builds
/// without thread safety exist, and the error stack read after a failure must belong to that failure.
/// </summary>
internal static unsafe class Hdf5Library
{
    /// <summary>The library files tried, in order, when <c>HYPERION_LIBHDF5</c> is not set.</summary>
    public static readonly string[] Candidates = ["libhdf5_serial.so.103", "libhdf5.so.103", "libhdf5_serial.so", "libhdf5.so"];

    private static readonly Lazy<State> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static List<string>? _errorLines;

    private static IntPtr _library;

    /// <summary>Held around every libhdf5 call sequence.</summary>
    public static Lock Sync { get; } = new();

    /// <summary>H5T_STD_U8LE and friends: the file types this project writes (little-endian, as Eiger files are).</summary>
    public static long U8 => Loaded.Value.U8;

    /// <summary>H5T_STD_U16LE.</summary>
    public static long U16 => Loaded.Value.U16;

    /// <summary>H5T_STD_U32LE.</summary>
    public static long U32 => Loaded.Value.U32;

    /// <summary>H5T_STD_I32LE.</summary>
    public static long I32 => Loaded.Value.I32;

    /// <summary>H5T_STD_I64LE.</summary>
    public static long I64 => Loaded.Value.I64;

    /// <summary>H5T_IEEE_F64LE.</summary>
    public static long F64 => Loaded.Value.F64;

    /// <summary>H5T_C_S1, the base of string types.</summary>
    public static long CString => Loaded.Value.CString;

    /// <summary>H5P_DATASET_CREATE.</summary>
    public static long DatasetCreateClass => Loaded.Value.DatasetCreate;

    /// <summary>H5P_FILE_ACCESS.</summary>
    public static long FileAccessClass => Loaded.Value.FileAccess;

    /// <summary>The loaded library's version, e.g. 1.10.8.</summary>
    public static Version Version => Loaded.Value.Version;

    /// <summary>Loads and initializes libhdf5, or throws <see cref="Hdf5Exception"/> saying how to install it.</summary>
    public static void EnsureLoaded() => _ = Loaded.Value;

    /// <summary>Throws <see cref="Hdf5Exception"/> for a negative herr_t, with libhdf5's error stack.</summary>
    public static int Check(int result, string call, string? file, string? path) =>
        result < 0 ? throw Failure(call, file, path) : result;

    /// <summary>Returns a new handle for an identifier, or throws for a negative one.</summary>
    public static Hdf5Handle Check(long id, Hdf5HandleKind kind, string call, string? file, string? path) =>
        id < 0 ? throw Failure(call, file, path) : new Hdf5Handle(id, kind);

    /// <summary>The exception for a failed call, carrying libhdf5's error stack (innermost last).</summary>
    public static Hdf5Exception Failure(string call, string? file, string? path)
    {
        _errorLines = [];

        // Reading the stack is best effort: a failure here must not hide the failure being reported.
        var walked = Hdf5Native.H5Ewalk2(Hdf5Native.Default, Hdf5Native.WalkDownward, &CollectError, null) >= 0;
        _ = Hdf5Native.H5Eclear2(Hdf5Native.Default);
        if (!walked)
        {
            _errorLines.Add("(the error stack could not be read)");
        }
        var filterError = Hdf5BitshuffleFilter.TakeLastError();
        if (filterError is not null)
        {
            _errorLines.Add($"bitshuffle filter: {filterError}");
        }

        var detail = _errorLines.Count == 0 ? "libhdf5 gave no reason" : string.Join("; ", _errorLines);
        _errorLines = null;
        return new Hdf5Exception(call, detail, file, path);
    }

    public static string CloseCall(Hdf5HandleKind kind) => kind switch
    {
        Hdf5HandleKind.File => "H5Fclose",
        Hdf5HandleKind.Group => "H5Gclose",
        Hdf5HandleKind.Dataset => "H5Dclose",
        Hdf5HandleKind.Dataspace => "H5Sclose",
        Hdf5HandleKind.Datatype => "H5Tclose",
        Hdf5HandleKind.PropertyList => "H5Pclose",
        Hdf5HandleKind.Attribute => "H5Aclose",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static int CloseId(long id, Hdf5HandleKind kind)
    {
        lock (Sync)
        {
            return kind switch
            {
                Hdf5HandleKind.File => Hdf5Native.H5Fclose(id),
                Hdf5HandleKind.Group => Hdf5Native.H5Gclose(id),
                Hdf5HandleKind.Dataset => Hdf5Native.H5Dclose(id),
                Hdf5HandleKind.Dataspace => Hdf5Native.H5Sclose(id),
                Hdf5HandleKind.Datatype => Hdf5Native.H5Tclose(id),
                Hdf5HandleKind.PropertyList => Hdf5Native.H5Pclose(id),
                Hdf5HandleKind.Attribute => Hdf5Native.H5Aclose(id),
                _ => -1,
            };
        }
    }

    [UnmanagedCallersOnly]
    private static int CollectError(uint n, Hdf5ErrorRecord* record, void* client)
    {
        var function = Marshal.PtrToStringUTF8((IntPtr)record->FunctionName);
        var description = Marshal.PtrToStringUTF8((IntPtr)record->Description);
        _errorLines?.Add($"{function}: {description}");
        return 0;
    }

    private static State Load()
    {
        NativeLibrary.SetDllImportResolver(typeof(Hdf5Library).Assembly, Resolve);
        var (handle, name) = Open();
        lock (Sync)
        {
            try
            {
                Check(Hdf5Native.H5open(), "H5open", null, null);
            }
            catch (EntryPointNotFoundException e)
            {
                throw new Hdf5Exception($"{name} is not libhdf5 1.10 or later.", e);
            }

            // Errors are collected and thrown as exceptions, not printed to stderr.
            Check(Hdf5Native.H5Eset_auto2(Hdf5Native.Default, IntPtr.Zero, IntPtr.Zero), "H5Eset_auto2", null, null);
            Check(Hdf5Native.H5get_libversion(out var major, out var minor, out var release), "H5get_libversion", null, null);
            var state = new State(
                Global(handle, "H5T_STD_U8LE_g"),
                Global(handle, "H5T_STD_U16LE_g"),
                Global(handle, "H5T_STD_U32LE_g"),
                Global(handle, "H5T_STD_I32LE_g"),
                Global(handle, "H5T_STD_I64LE_g"),
                Global(handle, "H5T_IEEE_F64LE_g"),
                Global(handle, "H5T_C_S1_g"),
                Global(handle, "H5P_CLS_DATASET_CREATE_ID_g"),
                Global(handle, "H5P_CLS_FILE_ACCESS_ID_g"),
                new Version((int)major, (int)minor, (int)release));
            if (state.Version < new Version(1, 10, 3))
            {
                throw new Hdf5Exception($"libhdf5 {state.Version} is too old: direct chunk writes (H5Dwrite_chunk) need 1.10.3 or later.");
            }

            Hdf5BitshuffleFilter.Register();
            return state;
        }
    }

    private static (IntPtr Handle, string Name) Open()
    {
        var configured = Environment.GetEnvironmentVariable("HYPERION_LIBHDF5");
        var names = string.IsNullOrEmpty(configured) ? Candidates : [configured];
        var tried = new StringBuilder();
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                _library = handle;
                return (handle, name);
            }

            tried.Append(tried.Length == 0 ? name : ", " + name);
        }

        throw new Hdf5Exception($"libhdf5 could not be loaded (tried {tried}). Install Debian's libhdf5-103-1 (scripts/setup.sh) or set HYPERION_LIBHDF5 to the library's path.");
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == Hdf5Native.Library ? _library : IntPtr.Zero;

    private static long Global(IntPtr library, string name)
    {
        if (!NativeLibrary.TryGetExport(library, name, out var address))
        {
            throw new Hdf5Exception($"libhdf5 exports no {name}: it is not a 1.10-compatible build.");
        }

        return *(long*)address;
    }

    private sealed record State(long U8, long U16, long U32, long I32, long I64, long F64, long CString, long DatasetCreate, long FileAccess, Version Version);
}
