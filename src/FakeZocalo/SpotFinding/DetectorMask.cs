using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Masks;

namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// Which pixels DIALS trusts, as dxtbx builds its mask for an NXmx detector: a pixel is good when its
/// <c>pixel_mask</c> word is 0 and its count lies strictly inside the trusted range
/// (<c>underload_value − 1</c>, <c>saturation_value</c>) — dxtbx's <c>trusted_range</c> for NXmx, compared strictly
/// by <c>Panel::apply_trusted_range_mask</c>. Counts are compared after dxtbx's reading of the raw value (see
/// <see cref="SignedCount(uint, Nexus.DataFiles.PixelType)"/>), so the Eiger's "no data" value 2^bits − 1 reads −1.
/// </summary>
public sealed class DetectorMask
{
    private readonly byte[] _good;

    /// <summary>A mask of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <param name="width">Pixels along the fast axis.</param>
    /// <param name="height">Pixels along the slow axis.</param>
    /// <param name="pixelMask">The NXmx pixel mask words, row-major (a pixel is good where its word is 0); empty for none.</param>
    /// <param name="underload">NXdetector/underload_value: counts below it are untrusted.</param>
    /// <param name="saturation">NXdetector/saturation_value: counts at or above it are untrusted.</param>
    public DetectorMask(int width, int height, ReadOnlySpan<uint> pixelMask, double underload, double saturation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (!pixelMask.IsEmpty && pixelMask.Length != checked(width * height))
        {
            throw new ArgumentException($"A {width} × {height} detector has {width * height} pixels; the mask {pixelMask.Length}.", nameof(pixelMask));
        }

        if (double.IsNaN(underload) || double.IsNaN(saturation))
        {
            throw new ArgumentOutOfRangeException(nameof(underload), "The trusted range must be numbers.");
        }

        Width = width;
        Height = height;
        TrustedLow = underload - 1;
        TrustedHigh = saturation;
        _good = new byte[width * height];
        for (var i = 0; i < _good.Length; i++)
        {
            _good[i] = pixelMask.IsEmpty || pixelMask[i] == 0 ? (byte)1 : (byte)0;
        }

        // The integer counts strictly inside (TrustedLow, TrustedHigh).
        LowestTrusted = (int)Math.Clamp(Math.Floor(TrustedLow) + 1, int.MinValue, int.MaxValue);
        HighestTrusted = (int)Math.Clamp(Math.Ceiling(TrustedHigh) - 1, int.MinValue, int.MaxValue);
    }

    /// <summary>Pixels along the fast axis.</summary>
    public int Width { get; }

    /// <summary>Pixels along the slow axis.</summary>
    public int Height { get; }

    /// <summary>The trusted range's exclusive lower end (underload − 1).</summary>
    public double TrustedLow { get; }

    /// <summary>The trusted range's exclusive upper end (the saturation value).</summary>
    public double TrustedHigh { get; }

    /// <summary>The lowest trusted count.</summary>
    public int LowestTrusted { get; }

    /// <summary>The highest trusted count.</summary>
    public int HighestTrusted { get; }

    /// <summary>1 where the pixel mask lets a pixel through, 0 where it masks it; row-major.</summary>
    public ReadOnlySpan<byte> Good => _good;

    /// <summary>
    /// The mask of <paramref name="detector"/> (its trusted range) with <paramref name="pixelMask"/> (null: every pixel
    /// good).
    /// </summary>
    public static DetectorMask For(DetectorGeometry detector, PixelMask? pixelMask)
    {
        ArgumentNullException.ThrowIfNull(detector);
        if (pixelMask is not null && (pixelMask.Width != detector.Width || pixelMask.Height != detector.Height))
        {
            throw new ArgumentException($"The pixel mask is {pixelMask.Width} × {pixelMask.Height}; the detector {detector.Width} × {detector.Height}.", nameof(pixelMask));
        }

        return new DetectorMask(detector.Width, detector.Height, pixelMask is null ? [] : pixelMask.Values, detector.Underload, detector.SaturationValue);
    }

    /// <summary>
    /// A raw count as dxtbx's FormatNXmx reads it with <c>bit_depth_readout</c> set: 16-bit frames read 0xFFFF as −1 and
    /// 0xFFFE as −2; 32-bit frames are read as signed (so 0xFFFFFFFF is −1) and 2³¹ − 1 reads −1, 2³¹ − 2 reads −2.
    /// </summary>
    public static int SignedCount(uint raw, Nexus.DataFiles.PixelType pixelType) => pixelType == Nexus.DataFiles.PixelType.UInt16
        ? raw switch { 0xFFFF => -1, 0xFFFE => -2, _ => (int)raw }
        : (int)raw switch { int.MaxValue => -1, int.MaxValue - 1 => -2, var v => v };

    /// <summary>Whether the pixel at <paramref name="index"/> holding <paramref name="count"/> (as read) is trusted.</summary>
    public bool IsTrusted(int index, int count) => _good[index] != 0 && count >= LowestTrusted && count <= HighestTrusted;
}
