using Hyperion.Nexus.Compression;
using PureHDF.Filters;

namespace Hyperion.Nexus.Hdf5;

/// <summary>
/// Filter 32008 for PureHDF's reader (and writer), running <see cref="BitshuffleLz4"/>. Readers of the detector's
/// files call <see cref="EnsureRegistered"/> before opening one.
/// </summary>
public sealed class PureHdfBitshuffleFilter : IH5Filter
{
    private static readonly Lazy<bool> Registration = new(() =>
    {
        H5Filter.Register(new PureHdfBitshuffleFilter());
        return true;
    });

    /// <inheritdoc />
    public ushort FilterId => BitshuffleLz4.FilterId;

    /// <inheritdoc />
    public string Name => BitshuffleLz4.FilterName;

    /// <summary>Registers the filter with PureHDF once per process.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    /// <inheritdoc />
    public Memory<byte> Filter(FilterInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Parameters.Length < 3)
        {
            throw new InvalidDataException($"The bitshuffle filter has {info.Parameters.Length} parameters; the element size is the third.");
        }

        var elementSize = (int)info.Parameters[2];
        if (info.Parameters.Length > 4 && info.Parameters[4] != BitshuffleLz4.Lz4Option)
        {
            throw new InvalidDataException($"Bitshuffle option {info.Parameters[4]} is not LZ4; only bitshuffle-LZ4 chunks are read.");
        }

        if (info.Flags.HasFlag(H5FilterFlags.Decompress))
        {
            return BitshuffleLz4.Decompress(info.Buffer.Span, elementSize);
        }

        var blockSize = info.Parameters.Length > 3 ? (int)info.Parameters[3] : 0;
        return BitshuffleLz4.Compress(info.Buffer.Span, elementSize, blockSize);
    }

    /// <inheritdoc />
    public uint[] GetParameters(uint[] chunkDimensions, uint typeSize, Dictionary<string, object>? options) =>
        BitshuffleLz4.FilterParameters((int)typeSize);
}
