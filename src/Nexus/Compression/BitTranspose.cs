using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hyperion.Nexus.Compression;

/// <summary>
/// The bitshuffle transpose of one block: <c>count</c> elements of <c>elementSize</c> bytes become
/// <c>8 × elementSize</c> bit rows of <c>count / 8</c> bytes each, where row <c>8j + k</c> holds bit <c>k</c> of byte
/// <c>j</c> of every element, least significant bit first (bitshuffle's <c>bshuf_trans_bit_elem</c>). It runs in two
/// steps, as bitshuffle's own SIMD code does: a byte transpose (byte <c>j</c> of every element into row <c>j</c>),
/// then a bit transpose of each byte row, eight bit rows per byte row, with <c>vpmovmskb</c> picking the top bit of
/// 32 bytes at a time.
/// </summary>
internal static unsafe class BitTranspose
{
    /// <summary>Bit-transposes <paramref name="count"/> elements (a multiple of 8) from <paramref name="source"/>.</summary>
    public static void Shuffle(ReadOnlySpan<byte> source, Span<byte> destination, Span<byte> scratch, int count, int elementSize, BitTransposeKernel kernel = BitTransposeKernel.Best)
    {
        var bytes = Check(source, destination, scratch, count, elementSize);
        kernel = Resolve(kernel);
        fixed (byte* src = source, dst = destination, tmp = scratch)
        {
            var rows = src;
            if (elementSize > 1)
            {
                TransposeBytes(src, tmp, count, elementSize, kernel);
                rows = tmp;
            }

            for (var j = 0; j < elementSize; j++)
            {
                TransposeBits(rows + (j * count), dst + (j * bytes / elementSize), count, kernel);
            }
        }
    }

    /// <summary>Undoes <see cref="Shuffle"/>.</summary>
    public static void Unshuffle(ReadOnlySpan<byte> source, Span<byte> destination, Span<byte> scratch, int count, int elementSize, BitTransposeKernel kernel = BitTransposeKernel.Best)
    {
        var bytes = Check(source, destination, scratch, count, elementSize);
        kernel = Resolve(kernel);
        fixed (byte* src = source, dst = destination, tmp = scratch)
        {
            var rows = elementSize > 1 ? tmp : dst;
            for (var j = 0; j < elementSize; j++)
            {
                UntransposeBits(src + (j * bytes / elementSize), rows + (j * count), count, kernel);
            }

            if (elementSize > 1)
            {
                UntransposeBytes(tmp, dst, count, elementSize, kernel);
            }
        }
    }

    private static int Check(ReadOnlySpan<byte> source, Span<byte> destination, Span<byte> scratch, int count, int elementSize)
    {
        if (count % 8 != 0 || count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A bitshuffle block holds a multiple of 8 elements.");
        }

        var bytes = count * elementSize;
        if (source.Length < bytes || destination.Length < bytes || (elementSize > 1 && scratch.Length < bytes))
        {
            throw new ArgumentException($"Buffers of {bytes} bytes are needed for {count} elements of {elementSize} bytes.");
        }

        return bytes;
    }

    private static BitTransposeKernel Resolve(BitTransposeKernel kernel) => kernel switch
    {
        BitTransposeKernel.Best => Avx2.IsSupported ? BitTransposeKernel.Avx2 : Vector128.IsHardwareAccelerated ? BitTransposeKernel.Vector128 : BitTransposeKernel.Scalar,
        BitTransposeKernel.Avx2 when !Avx2.IsSupported => throw new PlatformNotSupportedException("AVX2 is not available."),
        _ => kernel,
    };

    // Byte j of element i goes to tmp[j * count + i].
    private static void TransposeBytes(byte* src, byte* tmp, int count, int elementSize, BitTransposeKernel kernel)
    {
        var i = 0;
        if (kernel == BitTransposeKernel.Avx2 && elementSize == 4)
        {
            var inLane = Vector256.Create((byte)0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
            var acrossLanes = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
            for (; i + 8 <= count; i += 8)
            {
                var v = Avx2.Shuffle(Avx.LoadVector256(src + (i * 4)), inLane);
                var q = Avx2.PermuteVar8x32(v.AsInt32(), acrossLanes).AsUInt64();
                *(ulong*)(tmp + i) = q.GetElement(0);
                *(ulong*)(tmp + count + i) = q.GetElement(1);
                *(ulong*)(tmp + (2 * count) + i) = q.GetElement(2);
                *(ulong*)(tmp + (3 * count) + i) = q.GetElement(3);
            }
        }
        else if (kernel == BitTransposeKernel.Avx2 && elementSize == 2)
        {
            var inLane = Vector256.Create((byte)0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15);
            for (; i + 16 <= count; i += 16)
            {
                var v = Avx2.Shuffle(Avx.LoadVector256(src + (i * 2)), inLane);
                var q = Avx2.Permute4x64(v.AsUInt64(), 0b11_01_10_00).AsByte();
                Sse2.Store(tmp + i, q.GetLower());
                Sse2.Store(tmp + count + i, q.GetUpper());
            }
        }
        else if (kernel != BitTransposeKernel.Scalar && elementSize == 4)
        {
            var indices = Vector128.Create((byte)0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
            for (; i + 4 <= count; i += 4)
            {
                var d = Vector128.Shuffle(Vector128.Load(src + (i * 4)), indices).AsUInt32();
                *(uint*)(tmp + i) = d.GetElement(0);
                *(uint*)(tmp + count + i) = d.GetElement(1);
                *(uint*)(tmp + (2 * count) + i) = d.GetElement(2);
                *(uint*)(tmp + (3 * count) + i) = d.GetElement(3);
            }
        }
        else if (kernel != BitTransposeKernel.Scalar && elementSize == 2)
        {
            var indices = Vector128.Create((byte)0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15);
            for (; i + 8 <= count; i += 8)
            {
                var d = Vector128.Shuffle(Vector128.Load(src + (i * 2)), indices).AsUInt64();
                *(ulong*)(tmp + i) = d.GetElement(0);
                *(ulong*)(tmp + count + i) = d.GetElement(1);
            }
        }

        for (; i < count; i++)
        {
            for (var j = 0; j < elementSize; j++)
            {
                tmp[(j * count) + i] = src[(i * elementSize) + j];
            }
        }
    }

    private static void UntransposeBytes(byte* tmp, byte* dst, int count, int elementSize, BitTransposeKernel kernel)
    {
        var i = 0;
        if (kernel == BitTransposeKernel.Avx2 && elementSize == 4)
        {
            // The inverse of TransposeBytes: gather the four byte rows, undo the lane permute, then the in-lane 4×4
            // byte transpose (its own inverse).
            var inLane = Vector256.Create((byte)0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
            var acrossLanes = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
            for (; i + 8 <= count; i += 8)
            {
                var q = Vector256.Create(*(ulong*)(tmp + i), *(ulong*)(tmp + count + i), *(ulong*)(tmp + (2 * count) + i), *(ulong*)(tmp + (3 * count) + i));
                var v = Avx2.PermuteVar8x32(q.AsInt32(), acrossLanes).AsByte();
                Avx.Store(dst + (i * 4), Avx2.Shuffle(v, inLane));
            }
        }
        else if (kernel == BitTransposeKernel.Avx2 && elementSize == 2)
        {
            var inLane = Vector256.Create((byte)0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15, 0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15);
            for (; i + 16 <= count; i += 16)
            {
                var q = Vector256.Create(Sse2.LoadVector128(tmp + i), Sse2.LoadVector128(tmp + count + i));
                var v = Avx2.Permute4x64(q.AsUInt64(), 0b11_01_10_00).AsByte();
                Avx.Store(dst + (i * 2), Avx2.Shuffle(v, inLane));
            }
        }
        else if (kernel != BitTransposeKernel.Scalar && elementSize == 4)
        {
            var indices = Vector128.Create((byte)0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
            for (; i + 4 <= count; i += 4)
            {
                var d = Vector128.Create(*(uint*)(tmp + i), *(uint*)(tmp + count + i), *(uint*)(tmp + (2 * count) + i), *(uint*)(tmp + (3 * count) + i));
                Vector128.Shuffle(d.AsByte(), indices).Store(dst + (i * 4));
            }
        }
        else if (kernel != BitTransposeKernel.Scalar && elementSize == 2)
        {
            var indices = Vector128.Create((byte)0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15);
            for (; i + 8 <= count; i += 8)
            {
                var d = Vector128.Create(*(ulong*)(tmp + i), *(ulong*)(tmp + count + i));
                Vector128.Shuffle(d.AsByte(), indices).Store(dst + (i * 2));
            }
        }

        for (; i < count; i++)
        {
            for (var j = 0; j < elementSize; j++)
            {
                dst[(i * elementSize) + j] = tmp[(j * count) + i];
            }
        }
    }

    // One byte row of `count` bytes becomes 8 bit rows of count/8 bytes, row k at dst + k * count/8.
    private static void TransposeBits(byte* row, byte* dst, int count, BitTransposeKernel kernel)
    {
        var rowBytes = count / 8;
        var i = 0;
        if (kernel == BitTransposeKernel.Avx2)
        {
            for (; i + 32 <= count; i += 32)
            {
                var v = Avx.LoadVector256(row + i);
                var o = dst + (i / 8);
                for (var k = 7; k >= 0; k--)
                {
                    *(uint*)(o + (k * rowBytes)) = (uint)Avx2.MoveMask(v);
                    v = Avx2.Add(v, v);
                }
            }
        }

        if (kernel != BitTransposeKernel.Scalar)
        {
            for (; i + 16 <= count; i += 16)
            {
                var v = Vector128.Load(row + i);
                var o = dst + (i / 8);
                for (var k = 7; k >= 0; k--)
                {
                    *(ushort*)(o + (k * rowBytes)) = (ushort)v.ExtractMostSignificantBits();
                    v += v;
                }
            }
        }

        for (; i < count; i += 8)
        {
            var x = Transpose8x8(*(ulong*)(row + i));
            var o = dst + (i / 8);
            for (var k = 0; k < 8; k++)
            {
                o[k * rowBytes] = (byte)(x >> (8 * k));
            }
        }
    }

    private static void UntransposeBits(byte* src, byte* row, int count, BitTransposeKernel kernel)
    {
        var rowBytes = count / 8;
        var i = 0;
        if (kernel == BitTransposeKernel.Avx2)
        {
            i = UntransposeBitsAvx2(src, row, count);
        }

        // Four 8×8 transposes at a time: 32 bits from each of the 8 bit rows.
        for (; i + 32 <= count; i += 32)
        {
            var s = src + (i / 8);
            ulong a = 0, b = 0, c = 0, d = 0;
            for (var k = 0; k < 8; k++)
            {
                ulong w = *(uint*)(s + (k * rowBytes));
                var shift = 8 * k;
                a |= (w & 0xFF) << shift;
                b |= ((w >> 8) & 0xFF) << shift;
                c |= ((w >> 16) & 0xFF) << shift;
                d |= (w >> 24) << shift;
            }

            var o = (ulong*)(row + i);
            o[0] = Transpose8x8(a);
            o[1] = Transpose8x8(b);
            o[2] = Transpose8x8(c);
            o[3] = Transpose8x8(d);
        }

        for (; i < count; i += 8)
        {
            var s = src + (i / 8);
            ulong x = 0;
            for (var k = 0; k < 8; k++)
            {
                x |= (ulong)s[k * rowBytes] << (8 * k);
            }

            *(ulong*)(row + i) = Transpose8x8(x);
        }
    }

    // 256 elements at a time: 32 bytes from each of the 8 bit rows, an 8×8 transpose of their 32-bit words so that
    // each vector holds 32 elements' worth of all 8 rows, a byte shuffle that puts each group of 8 elements' 8 row
    // bytes in one 64-bit lane, and the 8×8 bit transpose on the lanes. Returns the elements done.
    private static int UntransposeBitsAvx2(byte* src, byte* row, int count)
    {
        var rowBytes = count / 8;
        var gather = Vector256.Create((byte)0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15, 0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
        var i = 0;
        for (; i + 256 <= count; i += 256)
        {
            var s = src + (i / 8);
            var r0 = Avx.LoadVector256((uint*)s);
            var r1 = Avx.LoadVector256((uint*)(s + rowBytes));
            var r2 = Avx.LoadVector256((uint*)(s + (2 * rowBytes)));
            var r3 = Avx.LoadVector256((uint*)(s + (3 * rowBytes)));
            var r4 = Avx.LoadVector256((uint*)(s + (4 * rowBytes)));
            var r5 = Avx.LoadVector256((uint*)(s + (5 * rowBytes)));
            var r6 = Avx.LoadVector256((uint*)(s + (6 * rowBytes)));
            var r7 = Avx.LoadVector256((uint*)(s + (7 * rowBytes)));

            var t0 = Avx2.UnpackLow(r0, r1);
            var t1 = Avx2.UnpackHigh(r0, r1);
            var t2 = Avx2.UnpackLow(r2, r3);
            var t3 = Avx2.UnpackHigh(r2, r3);
            var t4 = Avx2.UnpackLow(r4, r5);
            var t5 = Avx2.UnpackHigh(r4, r5);
            var t6 = Avx2.UnpackLow(r6, r7);
            var t7 = Avx2.UnpackHigh(r6, r7);
            var u0 = Avx2.UnpackLow(t0.AsUInt64(), t2.AsUInt64());
            var u1 = Avx2.UnpackHigh(t0.AsUInt64(), t2.AsUInt64());
            var u2 = Avx2.UnpackLow(t1.AsUInt64(), t3.AsUInt64());
            var u3 = Avx2.UnpackHigh(t1.AsUInt64(), t3.AsUInt64());
            var u4 = Avx2.UnpackLow(t4.AsUInt64(), t6.AsUInt64());
            var u5 = Avx2.UnpackHigh(t4.AsUInt64(), t6.AsUInt64());
            var u6 = Avx2.UnpackLow(t5.AsUInt64(), t7.AsUInt64());
            var u7 = Avx2.UnpackHigh(t5.AsUInt64(), t7.AsUInt64());

            // Vector c holds word c of every row: the bits of elements i + 32c .. i + 32c + 31.
            var o = row + i;
            Store(o, Avx2.Permute2x128(u0, u4, 0x20), gather);
            Store(o + 32, Avx2.Permute2x128(u1, u5, 0x20), gather);
            Store(o + 64, Avx2.Permute2x128(u2, u6, 0x20), gather);
            Store(o + 96, Avx2.Permute2x128(u3, u7, 0x20), gather);
            Store(o + 128, Avx2.Permute2x128(u0, u4, 0x31), gather);
            Store(o + 160, Avx2.Permute2x128(u1, u5, 0x31), gather);
            Store(o + 192, Avx2.Permute2x128(u2, u6, 0x31), gather);
            Store(o + 224, Avx2.Permute2x128(u3, u7, 0x31), gather);
        }

        return i;

        // words: [row0, ..., row7] 32-bit words. Byte g of row k must land at byte 8g + k: a 4×4 byte transpose in
        // each lane, then the lanes' halves interleaved.
        static void Store(byte* output, Vector256<ulong> words, Vector256<byte> gather)
        {
            var x = Avx2.Shuffle(words.AsByte(), gather).AsUInt32();
            var y = Avx2.Permute2x128(x, x, 0x01);
            var low = Avx2.UnpackLow(x, y);
            var high = Avx2.UnpackHigh(x, y);
            var v = Avx2.Permute2x128(low, high, 0x20).AsUInt64();
            var t = (v ^ Avx2.ShiftRightLogical(v, 7)) & Vector256.Create(0x00AA00AA00AA00AAUL);
            v = v ^ t ^ Avx2.ShiftLeftLogical(t, 7);
            t = (v ^ Avx2.ShiftRightLogical(v, 14)) & Vector256.Create(0x0000CCCC0000CCCCUL);
            v = v ^ t ^ Avx2.ShiftLeftLogical(t, 14);
            t = (v ^ Avx2.ShiftRightLogical(v, 28)) & Vector256.Create(0x00000000F0F0F0F0UL);
            v = v ^ t ^ Avx2.ShiftLeftLogical(t, 28);
            Avx.Store((ulong*)output, v);
        }
    }

    // bitshuffle's TRANS_BIT_8X8 on a little-endian word (byte m, bit k <-> byte k, bit m): its own inverse.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Transpose8x8(ulong x)
    {
        var t = (x ^ (x >> 7)) & 0x00AA00AA00AA00AAUL;
        x = x ^ t ^ (t << 7);
        t = (x ^ (x >> 14)) & 0x0000CCCC0000CCCCUL;
        x = x ^ t ^ (t << 14);
        t = (x ^ (x >> 28)) & 0x00000000F0F0F0F0UL;
        x = x ^ t ^ (t << 28);
        return x;
    }
}
