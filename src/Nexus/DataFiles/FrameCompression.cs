namespace Hyperion.Nexus.DataFiles;

/// <summary>How a data file stores its frames.</summary>
public enum FrameCompression
{
    /// <summary>Bitshuffle-LZ4 (HDF5 filter 32008), as the Eiger and Odin write.</summary>
    BitshuffleLz4,

    /// <summary>Raw little-endian pixels.</summary>
    None,
}
