using System.Numerics;
using System.Runtime.CompilerServices;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna): a fast, statistically strong generator whose 256-bit state is seeded by
/// SplitMix64 from one 64-bit key. Every stream the renderer draws (a detector row, a spot's row, a reflection's
/// intensity) has its own key, so a frame is the same however its rows are shared among threads.
/// </summary>
internal struct Xoshiro256
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator for the stream <paramref name="key"/>.</summary>
    public Xoshiro256(ulong key)
    {
        var state = key;
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in (0, 1]: safe to take the logarithm of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Mixes <paramref name="value"/> into <paramref name="key"/>: a new, well-separated stream key.</summary>
    public static ulong Key(ulong key, long value)
    {
        var state = key ^ ((ulong)value * 0x9E3779B97F4A7C15UL);
        return SplitMix(ref state);
    }

    /// <summary>The stream key of several values in turn.</summary>
    public static ulong Key(ulong key, long a, long b, long c) => Key(Key(Key(key, a), b), c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
