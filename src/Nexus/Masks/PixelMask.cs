using Hyperion.Nexus.Geometry;

namespace Hyperion.Nexus.Masks;

/// <summary>
/// A detector's pixel mask (NXdetector/pixel_mask): one <see cref="PixelMaskFlags"/> word per pixel, row-major
/// (slow, fast), as the master file stores it. The twin renders frames and writes the master with the same mask.
/// </summary>
public sealed class PixelMask
{
    /// <summary>An Eiger module's width in pixels.</summary>
    public const int ModuleWidth = 1028;

    /// <summary>An Eiger module's height in pixels.</summary>
    public const int ModuleHeight = 512;

    /// <summary>The gap between columns of modules, in pixels.</summary>
    public const int GapWidth = 12;

    /// <summary>The gap between rows of modules, in pixels.</summary>
    public const int GapHeight = 38;

    private readonly uint[] _values;

    /// <summary>An all-good mask.</summary>
    public PixelMask(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _values = new uint[checked(width * height)];
    }

    /// <summary>A mask with the given words (row-major), copied.</summary>
    public PixelMask(int width, int height, ReadOnlySpan<uint> values)
        : this(width, height)
    {
        if (values.Length != _values.Length)
        {
            throw new ArgumentException($"A {width} × {height} mask has {_values.Length} words, not {values.Length}.", nameof(values));
        }

        values.CopyTo(_values);
    }

    /// <summary>Pixels along the fast axis.</summary>
    public int Width { get; }

    /// <summary>Pixels along the slow axis.</summary>
    public int Height { get; }

    /// <summary>The words, row-major.</summary>
    public ReadOnlySpan<uint> Values => _values;

    /// <summary>The flags of pixel (<paramref name="fast"/>, <paramref name="slow"/>).</summary>
    public PixelMaskFlags this[int fast, int slow]
    {
        get => (PixelMaskFlags)_values[Index(fast, slow)];
        set => _values[Index(fast, slow)] = (uint)value;
    }

    /// <summary>
    /// Whether pixel column <paramref name="fast"/> falls in a gap between Eiger module columns (modules 1028 wide,
    /// 12-pixel gaps).
    /// </summary>
    public static bool IsGapColumn(int fast) => fast % (ModuleWidth + GapWidth) >= ModuleWidth;

    /// <summary>Whether pixel row <paramref name="slow"/> falls in a gap between module rows (512 high, 38-pixel gaps).</summary>
    public static bool IsGapRow(int slow) => slow % (ModuleHeight + GapHeight) >= ModuleHeight;

    /// <summary>The Eiger's module gaps (bit 0) for a detector of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static PixelMask EigerModuleGaps(int width, int height)
    {
        var mask = new PixelMask(width, height);
        for (var slow = 0; slow < height; slow++)
        {
            var row = mask._values.AsSpan(slow * width, width);
            if (IsGapRow(slow))
            {
                row.Fill((uint)PixelMaskFlags.Gap);
                continue;
            }

            for (var fast = ModuleWidth; fast < width; fast += ModuleWidth + GapWidth)
            {
                row.Slice(fast, Math.Min(GapWidth, width - fast)).Fill((uint)PixelMaskFlags.Gap);
            }
        }

        return mask;
    }

    /// <summary>
    /// The module gaps of <paramref name="detector"/> plus a seeded sprinkling of dead (bit 1) and noisy (bit 3)
    /// pixels on the sensor: the same <paramref name="seed"/> gives the same mask.
    /// </summary>
    /// <param name="detector">Its size sets the mask's.</param>
    /// <param name="seed">Chooses the bad pixels.</param>
    /// <param name="deadFraction">The fraction of sensor pixels that are dead.</param>
    /// <param name="noisyFraction">The fraction that are hot or noisy.</param>
    public static PixelMask ForEiger(DetectorGeometry detector, int seed, double deadFraction = 1e-4, double noisyFraction = 5e-5)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentOutOfRangeException.ThrowIfNegative(deadFraction);
        ArgumentOutOfRangeException.ThrowIfNegative(noisyFraction);
        if (deadFraction + noisyFraction > 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(deadFraction), "At most half the sensor can be bad.");
        }

        var mask = EigerModuleGaps(detector.Width, detector.Height);
        var sensor = mask._values.Count(v => v == 0);
        var random = new Random(seed);
        mask.Sprinkle(random, (int)Math.Round(sensor * deadFraction), PixelMaskFlags.Dead);
        mask.Sprinkle(random, (int)Math.Round(sensor * noisyFraction), PixelMaskFlags.Noisy);
        return mask;
    }

    /// <summary>How many pixels have any of <paramref name="flags"/> set.</summary>
    public int Count(PixelMaskFlags flags)
    {
        var count = 0;
        foreach (var value in _values)
        {
            if ((value & (uint)flags) != 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>How many pixels are masked for any reason.</summary>
    public int MaskedCount => _values.Count(v => v != 0);

    /// <summary>Whether pixel (<paramref name="fast"/>, <paramref name="slow"/>) is masked for any reason.</summary>
    public bool IsMasked(int fast, int slow) => _values[Index(fast, slow)] != 0;

    private void Sprinkle(Random random, int count, PixelMaskFlags flag)
    {
        while (count > 0)
        {
            var index = random.Next(_values.Length);
            if (_values[index] == 0)
            {
                _values[index] = (uint)flag;
                count--;
            }
        }
    }

    private int Index(int fast, int slow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fast);
        ArgumentOutOfRangeException.ThrowIfNegative(slow);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fast, Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slow, Height);
        return (slow * Width) + fast;
    }
}
