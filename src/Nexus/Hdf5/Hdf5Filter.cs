using Hyperion.Nexus.Compression;

namespace Hyperion.Nexus.Hdf5;

/// <summary>The filter a chunked dataset's pipeline records (id 0: none).</summary>
internal sealed record Hdf5Filter(int Id, uint Flags, uint[] Parameters)
{
    /// <summary>No filter: chunks are stored as they are.</summary>
    public static Hdf5Filter None { get; } = new(0, 0, []);

    /// <summary>
    /// Bitshuffle-LZ4 as h5py with the bitshuffle plugin records it: optional (h5py's flag for compression filters), with
    /// the cd_values the plugin's set_local leaves.
    /// </summary>
    public static Hdf5Filter BitshuffleLz4(int elementSize) =>
        new(Compression.BitshuffleLz4.FilterId, Hdf5Native.FilterOptional, Compression.BitshuffleLz4.FilterParameters(elementSize));
}
