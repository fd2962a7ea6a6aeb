using System.Runtime.InteropServices;
using Hyperion.Nexus.Compression;

namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// Filter 32008 registered with libhdf5 in this process, running <see cref="BitshuffleLz4"/>. Registering our own
/// class means libhdf5 never loads the bitshuffle plugin here, so a dataset's cd_values are exactly the ones we pass
/// (the plugin's set_local would shift them), and datasets libhdf5 reads or writes through the filter pipeline use the
/// same codec as our direct chunk writes.
/// </summary>
internal static unsafe class Hdf5BitshuffleFilter
{
    [ThreadStatic]
    private static string? _lastError;

    /// <summary>The last failure inside the filter callback on this thread, if any, cleared by reading it.</summary>
    public static string? TakeLastError()
    {
        var error = _lastError;
        _lastError = null;
        return error;
    }

    /// <summary>Registers the filter; call once, holding <see cref="Hdf5Library.Sync"/>.</summary>
    public static void Register()
    {
        // libhdf5 copies the class but keeps the name pointer: both live for the process.
        var filterClass = (Hdf5FilterClass*)NativeMemory.AllocZeroed((nuint)sizeof(Hdf5FilterClass));
        filterClass->Version = Hdf5Native.FilterClassVersion;
        filterClass->Id = BitshuffleLz4.FilterId;
        filterClass->EncoderPresent = 1;
        filterClass->DecoderPresent = 1;
        filterClass->Name = Marshal.StringToCoTaskMemUTF8(BitshuffleLz4.FilterName);
        filterClass->Filter = (IntPtr)(delegate* unmanaged<uint, nuint, uint*, nuint, nuint*, void**, nuint>)&Filter;
        Hdf5Library.Check(Hdf5Native.H5Zregister(filterClass), "H5Zregister", null, null);
    }

    // The H5Z_func_t contract: return the valid bytes now in *buffer (replaced, with *bufferSize its allocation), or 0
    // for failure. Exceptions must not cross into libhdf5, so they become the failure and the message waits in
    // _lastError for Hdf5Library.Failure.
    [UnmanagedCallersOnly]
    private static nuint Filter(uint flags, nuint parameterCount, uint* parameters, nuint bytes, nuint* bufferSize, void** buffer)
    {
        try
        {
            if (parameterCount < 3)
            {
                _lastError = $"{parameterCount} filter parameters; the element size is the third.";
                return 0;
            }

            var elementSize = (int)parameters[2];
            var blockSize = parameterCount > 3 ? (int)parameters[3] : 0;
            if (parameterCount > 4 && parameters[4] != BitshuffleLz4.Lz4Option)
            {
                _lastError = $"bitshuffle option {parameters[4]} is not LZ4 ({BitshuffleLz4.Lz4Option}).";
                return 0;
            }

            var input = new ReadOnlySpan<byte>(*buffer, checked((int)bytes));
            int size;
            void* output;
            if ((flags & Hdf5Native.FilterReverse) != 0)
            {
                size = checked((int)BitshuffleLz4.ReadUncompressedSize(input));
                output = Hdf5Native.H5allocate_memory((nuint)Math.Max(size, 1), false);
                size = BitshuffleLz4.Decompress(input, new Span<byte>(output, size), elementSize);
            }
            else
            {
                var capacity = BitshuffleLz4.MaxCompressedSize(input.Length, elementSize, blockSize);
                output = Hdf5Native.H5allocate_memory((nuint)capacity, false);
                size = BitshuffleLz4.Compress(input, new Span<byte>(output, capacity), elementSize, blockSize);
            }

            if (Hdf5Native.H5free_memory(*buffer) < 0)
            {
                _lastError = "H5free_memory refused the input buffer.";
            }

            *buffer = output;
            *bufferSize = (nuint)size;
            return (nuint)size;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or OverflowException)
        {
            _lastError = e.Message;
            return 0;
        }
    }
}
