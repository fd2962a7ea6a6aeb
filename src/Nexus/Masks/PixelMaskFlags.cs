namespace Hyperion.Nexus.Masks;

/// <summary>The bits of an NXmx <c>pixel_mask</c> (Dectris' convention; any bit set means: do not trust the pixel).</summary>
[Flags]
public enum PixelMaskFlags : uint
{
    /// <summary>A good pixel.</summary>
    None = 0,

    /// <summary>Bit 0: in a gap between modules (no sensor there).</summary>
    Gap = 1 << 0,

    /// <summary>Bit 1: dead.</summary>
    Dead = 1 << 1,

    /// <summary>Bit 2: under-responding (cold).</summary>
    UnderResponding = 1 << 2,

    /// <summary>Bit 3: over-responding (hot) or noisy.</summary>
    Noisy = 1 << 3,

    /// <summary>Bit 4: any other reason.</summary>
    Other = 1 << 4,
}
