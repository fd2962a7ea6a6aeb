using System.Runtime.CompilerServices;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// The inverse cumulative distribution of one Poisson mean as 32-bit thresholds, with a guide table on the top
/// 8 bits of the uniform: a draw is one random 32-bit word, one guide look-up and about one comparison. Means are
/// bucketed by their float bits (128 buckets per octave, a 0.5 % step, far finer than the background model's own
/// accuracy); tables are built on first use and shared by every renderer and thread.
/// </summary>
internal sealed class PoissonTable
{
    /// <summary>The smallest mean with a table of its own; smaller means use it (their draws are almost all 0 anyway).</summary>
    public const float MinMean = 1f / 64;

    /// <summary>The largest mean with a table; larger means are drawn with <see cref="Poisson.Sample"/>.</summary>
    public const float MaxMean = 64;

    private const int BucketShift = 16;
    private static readonly int KeyMin = Key(MinMean);
    private static readonly int KeyMax = Key(MaxMean);
    private static readonly PoissonTable?[] Tables = new PoissonTable?[KeyMax - KeyMin + 1];

    private readonly uint[] _thresholds;
    private readonly int[] _guide;

    private PoissonTable(double mean)
    {
        // thresholds[k] = ⌊2³² · P(X ≤ k)⌋, so a uniform 32-bit u gives k = min{k : u ≤ thresholds[k]}.
        var limit = (int)Math.Ceiling(mean + (12 * Math.Sqrt(mean)) + 12);
        var thresholds = new List<uint>(limit + 1);
        var p = Math.Exp(-mean);
        var cumulative = 0.0;
        for (var k = 0; k <= limit; k++)
        {
            cumulative += p;
            if (cumulative >= 1 - (0.5 / 4294967296.0) || k == limit)
            {
                thresholds.Add(uint.MaxValue);
                break;
            }

            thresholds.Add((uint)Math.Min(cumulative * 4294967296.0, uint.MaxValue - 1.0));
            p *= mean / (k + 1);
        }

        _thresholds = [.. thresholds];
        _guide = new int[256];
        var start = 0;
        for (var g = 0; g < 256; g++)
        {
            var lowest = (uint)g << 24;
            while (_thresholds[start] < lowest)
            {
                start++;
            }

            _guide[g] = start;
        }
    }

    /// <summary>The table for <paramref name="mean"/> (between <see cref="MinMean"/> and <see cref="MaxMean"/>; clamped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PoissonTable For(float mean)
    {
        var index = Math.Clamp(Key(mean), KeyMin, KeyMax) - KeyMin;
        return Tables[index] ?? Build(index);
    }

    /// <summary>The count for the uniform 32-bit word <paramref name="u"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Sample(uint u)
    {
        var k = _guide[u >> 24];
        while (u > _thresholds[k])
        {
            k++;
        }

        return k;
    }

    private static int Key(float mean) => (int)(BitConverter.SingleToUInt32Bits(mean) >> BucketShift);

    private static PoissonTable Build(int index)
    {
        // The bucket's middle: its key with the dropped mantissa bits at half.
        var mean = BitConverter.UInt32BitsToSingle((uint)((index + KeyMin) << BucketShift) | (1u << (BucketShift - 1)));
        var table = new PoissonTable(mean);
        return Interlocked.CompareExchange(ref Tables[index], table, null) ?? table;
    }
}
