using System.Buffers;
using System.Numerics;
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
/// column sums down the image, so every pixel costs a few AVX2 additions whatever the kernel. The cheap half of the
/// test (m·I − x &gt; σ_s·√(x·m), which needs only m and x) is screened in single precision with a safety margin for all
/// pixels; only the few pixels that pass it (a few percent of a frame) get the window sum of squares and DIALS' exact
/// test. Without AVX2, or for trusted ranges or kernels too wide for 32-bit sums, the plain
/// <see cref="DispersionReference"/> runs instead. One instance may be used from several threads at once.
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

    private readonly int _eligibleFrom;
    private readonly float _sigmaStrongSquared;

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
        var ky = Settings.KernelHalfHeight;
        var rows = s.RingRows;
        fixed (int* sv = s.Values, sm = s.Counts, ev = s.Eligible, colX = s.ColumnSums, colM = s.ColumnCounts, colY = s.ColumnSquares)
        fixed (byte* good = Mask.Good)
        {
            var ring = new Ring(sv + Settings.KernelHalfWidth, sm + Settings.KernelHalfWidth, ev + Settings.KernelHalfWidth, s.RowStride);
            for (var r = Math.Max(0, rowStart - ky); r <= Math.Min(height - 1, rowStart + ky - 1); r++)
            {
                PrepareRow(frame, good, r, ring, r % rows);
                UpdateColumns(ring, r % rows, -1, colX, colM, colY, s.RowLength, Settings.KernelHalfWidth);
            }

            for (var j = rowStart; j < rowEnd; j++)
            {
                var add = j + ky;
                if (add < height)
                {
                    PrepareRow(frame, good, add, ring, add % rows);
                }

                var remove = j - ky - 1;
                UpdateColumns(ring, add < height ? add % rows : -1, remove >= 0 ? remove % rows : -1, colX, colM, colY, s.RowLength, Settings.KernelHalfWidth);
                TestRow(ring, rows, colX, colM, colY, j, strong);
            }
        }
    }

    // Reads row r, as dxtbx would, into the ring: summed values and counts (trusted and below 2²⁴) and the counts
    // that may be strong (trusted and above the global threshold; 0 otherwise).
    private unsafe void PrepareRow(FramePointer frame, byte* good, int r, Ring ring, int slot)
    {
        var width = Mask.Width;
        var offset = (long)r * width;
        var sv = ring.Values(slot);
        var sm = ring.Counts(slot);
        var ev = ring.Eligible(slot);
        var goodRow = good + offset;
        var low = Vector256.Create(Mask.LowestTrusted);
        var high = Vector256.Create(Mask.HighestTrusted);
        var big = Vector256.Create(DispersionReference.Big);
        var eligibleFrom = Vector256.Create(_eligibleFrom);
        var one = Vector256<int>.One;
        var i = 0;
        for (; i + Lanes <= width; i += Lanes)
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

            if (frame.PixelType == PixelType.UInt16)
            {
                v = Vector256.ConditionalSelect(Vector256.Equals(v, Vector256.Create(0xFFFF)), Vector256.Create(-1), v);
                v = Vector256.ConditionalSelect(Vector256.Equals(v, Vector256.Create(0xFFFE)), Vector256.Create(-2), v);
            }
            else
            {
                v = Vector256.ConditionalSelect(Vector256.Equals(v, Vector256.Create(int.MaxValue)), Vector256.Create(-1), v);
                v = Vector256.ConditionalSelect(Vector256.Equals(v, Vector256.Create(int.MaxValue - 1)), Vector256.Create(-2), v);
            }

            var trusted = ~Vector256.Equals(Avx2.ConvertToVector256Int32(goodRow + i), Vector256<int>.Zero)
                & Vector256.GreaterThanOrEqual(v, low) & Vector256.LessThanOrEqual(v, high);
            var summed = trusted & Vector256.LessThan(v, big);
            (v & summed).Store(sv + i);
            var large = Vector256.GreaterThan(Vector256.Abs(v), Vector256.Create(SquareLimit));
            (summed & (one + (large & Vector256.Create(LargeCountUnit)))).Store(sm + i);
            (v & trusted & Vector256.GreaterThanOrEqual(v, eligibleFrom)).Store(ev + i);
        }

        for (; i < width; i++)
        {
            var k = (int)offset + i;
            var v = frame.Count(k);
            var trusted = Mask.IsTrusted(k, v);
            var summed = trusted && v < DispersionReference.Big;
            sv[i] = summed ? v : 0;
            sm[i] = summed ? 1 + (Math.Abs(v) > SquareLimit ? LargeCountUnit : 0) : 0;
            ev[i] = trusted && v >= _eligibleFrom ? v : 0;
        }
    }

    // Adds ring row `add` to the column sums and takes ring row `remove` away (either may be -1: none).
    private static unsafe void UpdateColumns(Ring ring, int add, int remove, int* colX, int* colM, int* colY, int rowLength, int kx)
    {
        var svIn = add >= 0 ? ring.Values(add) : null;
        var smIn = add >= 0 ? ring.Counts(add) : null;
        var svOut = remove >= 0 ? ring.Values(remove) : null;
        var smOut = remove >= 0 ? ring.Counts(remove) : null;
        var limit = Vector256.Create(SquareLimit);
        for (var i = 0; i < rowLength; i += Lanes)
        {
            var vIn = svIn is null ? Vector256<int>.Zero : Vector256.Load(svIn + i);
            var mIn = smIn is null ? Vector256<int>.Zero : Vector256.Load(smIn + i);
            var vOut = svOut is null ? Vector256<int>.Zero : Vector256.Load(svOut + i);
            var mOut = smOut is null ? Vector256<int>.Zero : Vector256.Load(smOut + i);
            var x = colX + kx + i;
            var m = colM + kx + i;
            var y = colY + kx + i;
            (Vector256.Load(x) + vIn - vOut).Store(x);
            (Vector256.Load(m) + mIn - mOut).Store(m);
            var clampedIn = Vector256.Min(Vector256.Abs(vIn), limit);
            var clampedOut = Vector256.Min(Vector256.Abs(vOut), limit);
            (Vector256.Load(y) + (clampedIn * clampedIn) - (clampedOut * clampedOut)).Store(y);
        }
    }

    private unsafe void TestRow(Ring ring, int rows, int* colX, int* colM, int* colY, int row, List<int> strong)
    {
        var eligible = ring.Eligible(row % rows);
        var width = Mask.Width;
        var span = (2 * Settings.KernelHalfWidth) + 1;
        var minCount = Vector256.Create(Settings.EffectiveMinLocal);
        var bigMinusOne = Vector256.Create(DispersionReference.Big - 1);
        var sigma2 = Vector256.Create(_sigmaStrongSquared * ScreenMargin);
        var sigmaBackground = Vector256.Create((float)Settings.SigmaBackground * ScreenMargin);
        var slack = Vector256.Create(ScreenSlack);
        var countBits = Vector256.Create(LargeCountUnit - 1);
        for (var i = 0; i < width; i += Lanes)
        {
            var value = Vector256.Load(eligible + i);
            if (Vector256.EqualsAll(value, Vector256<int>.Zero))
            {
                continue;
            }

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
            var candidates = ~Vector256.Equals(value, Vector256<int>.Zero) & plausible & screen;
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
                if (column < width && IsStrong(ring, rows, row, column, eligible[column], colX + column, colM + column, span))
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
            var values = ring.Values(r % rows) + column - kx;
            for (var d = 0; d < span; d += Lanes)
            {
                var v = Vector256.Load(values + d);
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

    /// <summary>The ring of the window's rows: per row, the summed values, the summed counts and the eligible values.</summary>
    private readonly unsafe struct Ring(int* values, int* counts, int* eligible, int rowLength)
    {
        public int* Values(int slot) => values + ((long)slot * rowLength);

        public int* Counts(int slot) => counts + ((long)slot * rowLength);

        public int* Eligible(int slot) => eligible + ((long)slot * rowLength);
    }

    /// <summary>One band's working memory, pooled: the row ring and the padded column sums.</summary>
    private sealed class BandScratch
    {
        public BandScratch(int width, int kx, int ky)
        {
            RowLength = (width + Lanes - 1) / Lanes * Lanes;

            // Each ring row is padded by the half-kernel on the left and a vector beyond it on the right, all zero.
            RowStride = RowLength + (2 * kx) + Lanes;
            // Rows j − k − 1 (leaving) to j + k (arriving) are held at once.
            RingRows = (2 * ky) + 2;
            var ringLength = RowStride * RingRows;
            var columns = RowLength + (2 * kx) + Lanes;
            Values = Rent<int>(ringLength);
            Counts = Rent<int>(ringLength);
            Eligible = Rent<int>(ringLength);
            ColumnSums = Rent<int>(columns);
            ColumnCounts = Rent<int>(columns);
            ColumnSquares = Rent<int>(columns);
        }

        public int RowLength { get; }

        public int RowStride { get; }

        public int RingRows { get; }

        public int[] Values { get; }

        public int[] Counts { get; }

        public int[] Eligible { get; }

        public int[] ColumnSums { get; }

        public int[] ColumnCounts { get; }

        public int[] ColumnSquares { get; }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Values);
            ArrayPool<int>.Shared.Return(Counts);
            ArrayPool<int>.Shared.Return(Eligible);
            ArrayPool<int>.Shared.Return(ColumnSums);
            ArrayPool<int>.Shared.Return(ColumnCounts);
            ArrayPool<int>.Shared.Return(ColumnSquares);
        }

        // Pooled arrays come back dirty: the padding beyond the width must read 0.
        private static T[] Rent<T>(int length)
        {
            var array = ArrayPool<T>.Shared.Rent(length);
            Array.Clear(array);
            return array;
        }
    }
}
