using Hyperion.Nexus.Compression;
using PureHDF.Filters;

namespace Hyperion.FakeZocalo.Frames;

/// <summary>
/// HDF5 filter 32008 (bitshuffle-LZ4) for PureHDF, so data files can be read without their master. It decompresses
/// exactly as the Nexus project's own reader filter does (<see cref="BitshuffleLz4"/>); whichever is registered last
/// serves both.
/// </summary>
internal sealed class BitshuffleFilter : IH5Filter
{
    private static readonly Lazy<bool> Registration = new(() =>
    {
        H5Filter.Register(new BitshuffleFilter());
        return true;
    });

    public ushort FilterId => BitshuffleLz4.FilterId;

    public string Name => BitshuffleLz4.FilterName;

    /// <summary>Registers the filter with PureHDF once per process.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    public Memory<byte> Filter(FilterInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!info.Flags.HasFlag(H5FilterFlags.Decompress))
        {
            throw new NotSupportedException("Frames are only read here.");
        }

        if (info.Parameters.Length < 3)
        {
            throw new InvalidDataException($"The bitshuffle filter has {info.Parameters.Length} parameters; the element size is the third.");
        }

        return BitshuffleLz4.Decompress(info.Buffer.Span, (int)info.Parameters[2]);
    }

    public uint[] GetParameters(uint[] chunkDimensions, uint typeSize, Dictionary<string, object>? options) =>
        BitshuffleLz4.FilterParameters((int)typeSize);
}
