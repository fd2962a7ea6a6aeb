using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Hyperion.Nexus.DataFiles;

namespace Hyperion.FakeZocalo.SpotFinding;

/// <summary>
/// DIALS' "dispersion" threshold (<c>DispersionThreshold</c> in dials/algorithms/image/threshold/local.h, used by
/// <c>dials.find_spots</c> with <c>spotfinder.threshold.algorithm=dispersion</c>), giving the same strong pixels as
/// DIALS pixel for pixel, fast. For each pixel the window sums m (valid pixels: trusted and below 2²⁴ counts), x (their
/// counts) and y (their squared counts) are exact integers, as DIALS' double-precision summed-area tables are for any
/// real frame (they stay exact while the frame's total of squared counts is below 2⁵³); the decision then uses DIALS'
/// own double-precision expressions in DIALS' order: strong when the pixel is trusted, m ≥ min_local, x ≥ 0,
/// I &gt; global_threshold, m·y − x² − x·(m − 1) &gt; x·σ_b·√(2(m − 1)) and m·I − x &gt; σ_s·√(x·m).
/// </summary>
/// <remarks>
/// How it is fast: rows are processed in bands (in parallel when allowed), each band sliding a (2k+1)-row window of
/// column sums down the image, so every pixel costs a few AVX2 additions whatever the kernel (AVX-512 was tried and
/// gained nothing: the pass is bound by memory traffic, not instructions). Each row is read, masked (the static mask is
/// kept as bits) and added to the column sums in one pass, which also takes away the row leaving the window: a ring of
/// 2k+1 rows holds one word per pixel (its count where trusted, a sentinel where not), from which both its
/// contributions to the sums and its eligibility follow, so a pixel is stored once and loaded once more. Pixels are
/// tested only where a vector holds a count above the global threshold (a few percent of a sparse frame). The cheap
/// half of the test (m·I − x &gt; σ_s·√(x·m), which needs only m and x) is screened in single precision with a safety
/// margin; only the pixels that pass it and the dispersion screen (on the clamped 32-bit sums of squares) get the exact
/// window sum of squares and DIALS' exact test. Without AVX2, or for trusted ranges or kernels too wide for 32-bit
/// sums, the plain <see cref="DispersionReference"/> runs instead. One instance may be used from several threads at
/// once.
/// </remarks>
public sealed class DispersionThreshold
{
    private const int Lanes = 8;

    // The screens pass b² ≥ (1 − margin)·σ_s²·x·m and a + slack ≥ (1 − margin)·c in single precision, whose
    // rounding (~1e-7 per operation) the margins exceed a hundredfold.
    private const float ScreenMargin = 0.999f;
    private const float ScreenSlack = 1e-5f;

    // Squares of counts up to this fit 32-bit column sums of up to 7 rows; a window holding a larger count skips the
    // dispersion screen (it is counted in the window count's high bits).
    private const int SquareLimit = 17_515;
    private const int LargeCountUnit = 256;

    // What the ring holds for an untrusted pixel: SignedCount never reads a count of 2³¹ − 1 (it reads −1), so the
    // sentinel cannot be mistaken for a count, and it lies above 2²⁴, so one comparison (p < 2²⁴) tells a summed pixel.
    private const int Untrusted = int.MaxValue;

    private readonly int _eligibleFrom;
    private readonly float _sigmaStrongSquared;

    // The static mask, one bit per pixel (bit i % 8 of byte i / 8 of its row): an eighth of the bytes the byte mask
    // streams through the cache for every frame.
    private readonly byte[] _goodBits;
    private readonly int _bitsStride;

    /// <summary>A threshold for frames masked by <paramref name="mask"/>.</summary>
    /// <param name="mask">The detector's trusted pixels.</param>
    /// <param name="settings">DIALS' parameters (its defaults when null).</param>
    /// <param name="maxDegreeOfParallelism">Threads per frame (1: the calling thread only; -1: as many as there are cores).</param>
    public DispersionThreshold(DetectorMask mask, DispersionSettings? settings = null, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(mask);
        settings ??= DispersionSettings.Default;
        settings.Validate();
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 (all cores) or a positive count.");
        }

        Mask = mask;
        Settings = settings;
        MaxDegreeOfParallelism = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        _eligibleFrom = (int)Math.Clamp(Math.Floor(settings.GlobalThreshold) + 1, 1, int.MaxValue);
        _sigmaStrongSquared = (float)(settings.SigmaStrong * settings.SigmaStrong);

        // 32-bit window sums hold 2·(kernel pixels)·2²⁴ only up to 63 pixels, and only for counts above −2²⁴.
        UsesFastPath = Avx2.IsSupported && settings.KernelPixels <= 63 && mask.LowestTrusted >= -DispersionReference.Big;
        (_goodBits, _bitsStride) = PackBits(mask);
    }

    /// <summary>The detector's trusted pixels.</summary>
    public DetectorMask Mask { get; }

    /// <summary>DIALS' parameters.</summary>
    public DispersionSettings Settings { get; }

    /// <summary>Threads used per frame.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Whether the vectorised sliding-window path runs (otherwise the plain reference does).</summary>
    public bool UsesFastPath { get; init; }

    /// <summary>Appends the indices (row-major, ascending) of <paramref name="frame"/>'s strong pixels to <paramref name="strong"/>.</summary>
    /// <param name="frame">The frame's raw counts, row-major; 16-bit frames widened to 32 bits keep their 16-bit <paramref name="pixelType"/>.</param>
    /// <param name="pixelType">The detector's pixel type, which decides the "no data" values (see <see cref="DetectorMask.SignedCount"/>).</param>
    /// <param name="strong">Receives the strong pixels.</param>
    public unsafe void FindStrongPixels(ReadOnlySpan<uint> frame, PixelType pixelType, List<int> strong)
    {
        CheckFrame(frame.Length, strong);
        fixed (uint* pixels = frame)
        {
            Run(new FramePointer(pixels, narrow: false, pixelType), strong);
        }
    }

    /// <summary>Appends the indices (row-major, ascending) of a 16-bit <paramref name="frame"/>'s strong pixels to <paramref name="strong"/>.</summary>
    public unsafe void FindStrongPixels(ReadOnlySpan<ushort> frame, List<int> strong)
    {
        CheckFrame(frame.Length, strong);
        fixed (ushort* pixels = frame)
        {
            Run(new FramePointer(pixels, narrow: true, PixelType.UInt16), strong);
        }
    }

    /// <summary>DIALS' threshold image: <paramref name="strong"/>[k] is true where pixel k is strong.</summary>
    public void Threshold(ReadOnlySpan<uint> frame, PixelType pixelType, Span<bool> strong)
    {
        if (strong.Length != frame.Length)
        {
            throw new ArgumentException($"The frame has {frame.Length} pixels; the result {strong.Length}.", nameof(strong));
        }

        var found = new List<int>();
        FindStrongPixels(frame, pixelType, found);
        strong.Clear();
        foreach (var k in found)
        {
            strong[k] = true;
        }
    }

    private void CheckFrame(int frame, List<int> strong)
    {
        ArgumentNullException.ThrowIfNull(strong);
        if (frame != Mask.Width * Mask.Height)
        {
            throw new ArgumentException($"A {Mask.Width} × {Mask.Height} frame has {Mask.Width * Mask.Height} pixels, not {frame}.", nameof(frame));
        }
    }

    private void Run(FramePointer frame, List<int> strong)
    {
        var height = Mask.Height;
        var bands = MaxDegreeOfParallelism == 1 ? 1 : Math.Clamp(height / 64, 1, MaxDegreeOfParallelism * 4);
        if (bands == 1)
        {
            RunBand(frame, 0, height, strong);
            return;
        }

        var found = new List<int>[bands];
        Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism }, band =>
        {
            var list = new List<int>();
            RunBand(frame, (int)((long)height * band / bands), (int)((long)height * (band + 1) / bands), list);
            found[band] = list;
        });
        foreach (var list in found)
        {
            strong.AddRange(list);
        }
    }

    // The mask's rows as bits, each row padded to whole bytes so that lanes i … i + 7 (i a multiple of 8) are one byte.
    private static (byte[] Bits, int Stride) PackBits(DetectorMask mask)
    {
        var stride = (mask.Width + 7) / 8;
        var bits = new byte[(long)stride * mask.Height];
        var good = mask.Good;
        for (var r = 0; r < mask.Height; r++)
        {
            for (var i = 0; i < mask.Width; i++)
            {
                if (good[(r * mask.Width) + i] != 0)
                {
                    bits[(r * stride) + (i >> 3)] |= (byte)(1 << (i & 7));
                }
            }
        }

        return (bits, stride);
    }

    private void RunBand(FramePointer frame, int rowStart, int rowEnd, List<int> strong)
    {
        if (!UsesFastPath)
        {
            DispersionReference.FindStrongPixels(frame, Mask, Settings, rowStart, rowEnd, strong);
            return;
        }

        var scratch = new BandScratch(Mask.Width, Settings.KernelHalfWidth, Settings.KernelHalfHeight);
        try
        {
            SlideBand(frame, rowStart, rowEnd, scratch, strong);
        }
        finally
        {
            scratch.Return();
        }
    }

    private unsafe void SlideBand(FramePointer frame, int rowStart, int rowEnd, BandScratch s, List<int> strong)
    {
        var height = Mask.Height;
        var (kx, ky) = (Settings.KernelHalfWidth, Settings.KernelHalfHeight);
        var rows = s.RingRows;
        fixed (int* ringBase = s.Ring, colX = s.ColumnSums, colM = s.ColumnCounts, colY = s.ColumnSquares)
        fixed (byte* goodBits = _goodBits)
        {
            var ring = new Ring(ringBase + kx, s.RowStride);
            var columns = new Columns(colX + kx, colM + kx, colY + kx);

            // The window of the band's first row, less its last row: rows rowStart − k … rowStart + k − 1 in the image.
            // They fill distinct slots that still hold the sentinel, so nothing is taken away.
            for (var r = Math.Max(0, rowStart - ky); r < Math.Min(height, rowStart + ky); r++)
            {
                SlideRow(frame, goodBits, r, ring.Row(r % rows), columns, s.RowLength);
            }

            // Row j + k arrives in the slot of row j − k − 1, which leaves: the ring needs only 2k + 1 rows. A slot never
            // filled in this band (above the image, or above the band's first window) holds the sentinel and takes
            // nothing away; below the image the sentinel arrives.
            for (var j = rowStart; j < rowEnd; j++)
            {
                var add = j + ky;
                SlideRow(frame, goodBits, add < height ? add : -1, ring.Row(add % rows), columns, s.RowLength);
                TestRow(ring, rows, colX, colM, colY, j, strong);
            }
        }
    }

    // Reads row r (−1: none) as dxtbx would, stores each pixel's ring word in the slot, and adds the row to the column
    // sums while taking away the row the slot held. Lanes beyond the width hold the sentinel.
    private unsafe void SlideRow(FramePointer frame, byte* goodBits, int r, int* slot, Columns columns, int rowLength)
    {
        var width = Mask.Width;
        var i = 0;
        if (r >= 0)
        {
            var offset = (long)r * width;
            var bits = goodBits + ((long)r * _bitsStride);
            var reader = new RowReader(frame, offset, Mask.LowestTrusted, Mask.HighestTrusted);

            for (; i + Lanes <= width; i += Lanes)
            {
                Slide(slot + i, reader.Read(i, bits[i >> 3]), columns, i);
            }

            if (i < width)
            {
                var tail = stackalloc int[Lanes];
                for (var lane = 0; lane < Lanes; lane++)
                {
                    var k = offset + i + lane;
                    var v = i + lane < width ? frame.Count(k) : 0;
                    tail[lane] = i + lane < width && Mask.IsTrusted((int)k, v) ? v : Untrusted;
                }

                Slide(slot + i, Vector256.Load(tail), columns, i);
                i += Lanes;
            }
        }

        var none = Vector256.Create(Untrusted);
        for (; i < rowLength; i += Lanes)
        {
            Slide(slot + i, none, columns, i);
        }
    }

    // One vector of the fused update: the arriving words replace the leaving ones in the ring, and the column sums
    // gain the arriving pixels' m (1, plus the large-count unit for counts whose squares do not fit), x and clamped
    // squares, and lose the leaving pixels'.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Slide(int* slot, Vector256<int> arriving, Columns columns, int i)
    {
        var leaving = Vector256.Load(slot);
        arriving.Store(slot);
        var big = Vector256.Create(DispersionReference.Big);
        var limit = Vector256.Create(SquareLimit);
        var unit = Vector256.Create(LargeCountUnit);
        var summedIn = Vector256.LessThan(arriving, big);
        var summedOut = Vector256.LessThan(leaving, big);
        var vIn = arriving & summedIn;
        var vOut = leaving & summedOut;
        var absIn = Vector256.Abs(vIn);
        var absOut = Vector256.Abs(vOut);
        var x = columns.X + i;
        var m = columns.M + i;
        var y = columns.Y + i;
        (Vector256.Load(x) + vIn - vOut).Store(x);

        // A summed lane's mask is −1: subtracting it adds 1.
        var mIn = (Vector256.GreaterThan(absIn, limit) & unit) - summedIn;
        var mOut = (Vector256.GreaterThan(absOut, limit) & unit) - summedOut;
        (Vector256.Load(m) + mIn - mOut).Store(m);
        var clampedIn = Vector256.Min(absIn, limit);
        var clampedOut = Vector256.Min(absOut, limit);
        (Vector256.Load(y) + (clampedIn * clampedIn) - (clampedOut * clampedOut)).Store(y);
    }

    private unsafe void TestRow(Ring ring, int rows, int* colX, int* colM, int* colY, int row, List<int> strong)
    {
        var words = ring.Row(row % rows);
        var width = Mask.Width;
        var eligibleFrom = Vector256.Create(_eligibleFrom);
        var span = (2 * Settings.KernelHalfWidth) + 1;
        var minCount = Vector256.Create(Settings.EffectiveMinLocal);
        var bigMinusOne = Vector256.Create(DispersionReference.Big - 1);
        var sigma2 = Vector256.Create(_sigmaStrongSquared * ScreenMargin);
        var sigmaBackground = Vector256.Create((float)Settings.SigmaBackground * ScreenMargin);
        var slack = Vector256.Create(ScreenSlack);
        var countBits = Vector256.Create(LargeCountUnit - 1);
        for (var i = 0; i < width; i += Lanes)
        {
            // Most vectors hold no count above the global threshold, and one comparison skips them: a word w may be
            // strong when w + 1 > eligibleFrom, which wraps the sentinel 2³¹ − 1 to −2³¹ so that masked pixels (the
            // module gaps) are skipped too.
            var word = Vector256.Load(words + i);
            var eligible = Vector256.GreaterThan(word + Vector256<int>.One, eligibleFrom);
            if (Vector256.EqualsAll(eligible, Vector256<int>.Zero))
            {
                continue;
            }

            var value = word & eligible;

            var x = Vector256.Load(colX + i);
            var counts = Vector256.Load(colM + i);
            for (var d = 1; d < span; d++)
            {
                x += Vector256.Load(colX + i + d);
                counts += Vector256.Load(colM + i + d);
            }

            var m = counts & countBits;
            var big = Vector256.GreaterThan(value, bigMinusOne);
            var b = (m * Vector256.Min(value, bigMinusOne)) - x;
            var plausible = Vector256.GreaterThanOrEqual(m, minCount) & Vector256.GreaterThanOrEqual(x, Vector256<int>.Zero) & Vector256.GreaterThan(b, Vector256<int>.Zero);
            var bf = Vector256.ConvertToSingle(b);
            var screen = Vector256.GreaterThanOrEqual(bf * bf, sigma2 * Vector256.ConvertToSingle(x) * Vector256.ConvertToSingle(m)).AsInt32();
            var candidates = eligible & plausible & screen;
            if (!Vector256.EqualsAll(candidates, Vector256<int>.Zero))
            {
                candidates &= DispersionScreen(colY + i, span, x, m, counts, sigmaBackground, slack);
            }

            candidates |= big;
            var bits = candidates.ExtractMostSignificantBits();
            while (bits != 0)
            {
                var column = i + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (column < width && IsStrong(ring, rows, row, column, words[column], colX + column, colM + column, span))
                {
                    strong.Add((row * width) + column);
                }
            }
        }
    }

    // Lanes that may pass m·y − x² − x(m − 1) > x·σ_b·√(2(m − 1)), judged in single precision with a margin; lanes
    // whose window holds a count too large for the 32-bit squares always may.
    private static unsafe Vector256<int> DispersionScreen(int* colY, int span, Vector256<int> x, Vector256<int> m, Vector256<int> counts, Vector256<float> sigmaBackground, Vector256<float> slack)
    {
        var y = Vector256.ConvertToSingle(Vector256.Load(colY));
        for (var d = 1; d < span; d++)
        {
            y += Vector256.ConvertToSingle(Vector256.Load(colY + d));
        }

        var xf = Vector256.ConvertToSingle(x);
        var mf = Vector256.ConvertToSingle(m);
        var my = mf * y;
        var xx = xf * xf;
        var xm = xf * (mf - Vector256<float>.One);
        var a = my - xx - xm + (slack * (my + xx + xm));
        var c = xf * sigmaBackground * Vector256.Sqrt(Vector256.Create(2f) * (mf - Vector256<float>.One));
        var large = Vector256.GreaterThanOrEqual(counts, Vector256.Create(LargeCountUnit));
        return Vector256.GreaterThanOrEqual(a, c).AsInt32() | large;
    }

    // DIALS' exact test for one candidate; the window's sum of squares is summed here, from the ring's rows, as only
    // the few candidates need it.
    private unsafe bool IsStrong(Ring ring, int rows, int row, int column, int value, int* colX, int* colM, int span)
    {
        int m = 0, x = 0;
        for (var d = 0; d < span; d++)
        {
            m += colM[d];
            x += colX[d];
        }

        m &= LargeCountUnit - 1;

        // Squares of counts below 2²⁴ and their window sums (below 2⁵³ for any real frame) are exact in double precision.
        var ky = Settings.KernelHalfHeight;
        var kx = Settings.KernelHalfWidth;
        var sum = Vector256<double>.Zero;
        for (var r = Math.Max(0, row - ky); r <= Math.Min(Mask.Height - 1, row + ky); r++)
        {
            var values = ring.Row(r % rows) + column - kx;
            for (var d = 0; d < span; d += Lanes)
            {
                // Untrusted pixels (the sentinel) and counts of 2²⁴ or more are not summed.
                var v = Vector256.Load(values + d);
                v &= Vector256.LessThan(v, Vector256.Create(DispersionReference.Big));
                if (d + Lanes > span)
                {
                    v &= Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(span - d));
                }

                var low = Avx.ConvertToVector256Double(v.GetLower());
                var high = Avx.ConvertToVector256Double(v.GetUpper());
                sum += (low * low) + (high * high);
            }
        }

        return DispersionReference.IsStrong(value, m, x, Vector256.Sum(sum), Settings.EffectiveMinLocal, Settings);
    }

    /// <summary>The ring of the window's rows: per pixel, its count where trusted, <see cref="Untrusted"/> where not.</summary>
    private readonly unsafe struct Ring(int* words, int rowStride)
    {
        public int* Row(int slot) => words + ((long)slot * rowStride);
    }

    /// <summary>The window's column sums (m with the large-count unit, x, clamped squares), at the image's column 0.</summary>
    private readonly unsafe struct Columns(int* x, int* m, int* y)
    {
        public int* X { get; } = x;

        public int* M { get; } = m;

        public int* Y { get; } = y;
    }

    /// <summary>Reads one row's pixels eight at a time as dxtbx would and masks them into ring words.</summary>
    private readonly unsafe struct RowReader(FramePointer frame, long offset, int lowestTrusted, int highestTrusted)
    {
        private readonly int _belowTrusted = lowestTrusted - 1;

        // No count reads 2³¹ − 1, so "v < min(high + 1, 2³¹ − 1)" is "v ≤ high" without overflow.
        private readonly int _aboveTrusted = highestTrusted == int.MaxValue ? int.MaxValue : highestTrusted + 1;

        /// <summary>Eight pixels from <paramref name="i"/>, whose mask bits are <paramref name="goodBits"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<int> Read(int i, byte goodBits)
        {
            Vector256<int> v;
            if (frame.Narrow)
            {
                var raw = Vector128.Load(frame.Narrow16 + offset + i);
                v = Vector256.Create(Vector128.WidenLower(raw), Vector128.WidenUpper(raw)).AsInt32();
            }
            else
            {
                v = Vector256.Load(frame.Wide32 + offset + i).AsInt32();
            }

            // The "no data" values read −1 and −2 (SignedCount): 0xFFFE and 0xFFFF are those less 2¹⁶ (matched
            // exactly, as a widened frame of a 16-bit detector could hold more); 2³¹ − 2 and 2³¹ − 1, the two
            // largest words, are those plus 2³¹ (wrapping).
            v += frame.PixelType == PixelType.UInt16
                ? Vector256.Equals(v | Vector256<int>.One, Vector256.Create(0xFFFF)) & Vector256.Create(-0x10000)
                : Vector256.GreaterThan(v, Vector256.Create(int.MaxValue - 2)) & Vector256.Create(int.MinValue);

            var good = ~Vector256.Equals(Vector256.Create((int)goodBits) & Vector256.Create(1, 2, 4, 8, 16, 32, 64, 128), Vector256<int>.Zero);
            var trusted = good & Vector256.GreaterThan(v, Vector256.Create(_belowTrusted)) & Vector256.LessThan(v, Vector256.Create(_aboveTrusted));
            return Vector256.ConditionalSelect(trusted, v, Vector256.Create(Untrusted));
        }
    }

    /// <summary>One band's working memory, pooled: the row ring and the padded column sums.</summary>
    private sealed class BandScratch
    {
        public BandScratch(int width, int kx, int ky)
        {
            RowLength = (width + Lanes - 1) / Lanes * Lanes;

            // Each ring row is padded by the half-kernel on the left and a vector beyond it on the right, all holding
            // the sentinel, so the exact test's window reads never sum them.
            RowStride = RowLength + (2 * kx) + Lanes;

            // Row j + k arrives in the slot row j − k − 1 leaves.
            RingRows = (2 * ky) + 1;
            Ring = ArrayPool<int>.Shared.Rent(RowStride * RingRows);
            Array.Fill(Ring, Untrusted);
            var columns = RowLength + (2 * kx) + Lanes;
            ColumnSums = Rent(columns);
            ColumnCounts = Rent(columns);
            ColumnSquares = Rent(columns);
        }

        public int RowLength { get; }

        public int RowStride { get; }

        public int RingRows { get; }

        public int[] Ring { get; }

        public int[] ColumnSums { get; }

        public int[] ColumnCounts { get; }

        public int[] ColumnSquares { get; }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Ring);
            ArrayPool<int>.Shared.Return(ColumnSums);
            ArrayPool<int>.Shared.Return(ColumnCounts);
            ArrayPool<int>.Shared.Return(ColumnSquares);
        }

        // Pooled arrays come back dirty: the column sums and their padding must start at 0.
        private static int[] Rent(int length)
        {
            var array = ArrayPool<int>.Shared.Rent(length);
            Array.Clear(array);
            return array;
        }
    }
}
