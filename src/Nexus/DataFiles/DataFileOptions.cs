namespace Hyperion.Nexus.DataFiles;

/// <summary>How a <see cref="DataFileSeriesWriter"/> lays out its files.</summary>
public sealed record DataFileOptions
{
    /// <summary>The pixel type (default 32-bit, the Eiger's depth for long exposures).</summary>
    public PixelType PixelType { get; init; } = PixelType.UInt32;

    /// <summary>The compression (default bitshuffle-LZ4).</summary>
    public FrameCompression Compression { get; init; } = FrameCompression.BitshuffleLz4;

    /// <summary>The most frames one file holds (Odin's default, 1000).</summary>
    public int FramesPerFile { get; init; } = 1000;

    /// <summary>Whether existing files of the same names are replaced; by default they are an error.</summary>
    public bool Overwrite { get; init; }
}
