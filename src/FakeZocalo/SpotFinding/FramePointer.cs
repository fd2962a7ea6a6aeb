using Hyperion.Nexus.DataFiles;

namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// A pinned frame as the threshold reads it: stored as 16- or 32-bit words (<see cref="Narrow"/>), holding counts of
/// the detector's <see cref="PixelType"/> (a 16-bit detector's frame may be stored widened to 32 bits).
/// </summary>
internal readonly unsafe struct FramePointer
{
    private readonly nint _address;

    public FramePointer(void* address, bool narrow, PixelType pixelType)
    {
        _address = (nint)address;
        Narrow = narrow;
        PixelType = pixelType;
    }

    /// <summary>Whether the words are 16-bit.</summary>
    public bool Narrow { get; }

    /// <summary>The detector's pixel type, which decides the "no data" values.</summary>
    public PixelType PixelType { get; }

    public ushort* Narrow16 => (ushort*)_address;

    public uint* Wide32 => (uint*)_address;

    /// <summary>Pixel <paramref name="index"/>'s count as dxtbx reads it.</summary>
    public int Count(long index) => DetectorMask.SignedCount(Narrow ? Narrow16[index] : Wide32[index], PixelType);
}
