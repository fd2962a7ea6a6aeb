namespace Hyperion.Nexus.DataFiles;

/// <summary>The pixel type of a data file's frames (the Eiger's 16- or 32-bit image depth).</summary>
public enum PixelType
{
    /// <summary>Unsigned 16-bit counts.</summary>
    UInt16 = 2,

    /// <summary>Unsigned 32-bit counts.</summary>
    UInt32 = 4,
}
