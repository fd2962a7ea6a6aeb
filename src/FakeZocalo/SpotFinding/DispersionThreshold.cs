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

    // The screen passes b² ≥ (1 − margin)·σ_s²·x·m in single precision; single-precision rounding is ~1e-7.
    private const float ScreenMargin = 0.999f;

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
        fixed (int* sv = s.Values, sm = s.Counts, ev = s.Eligible, colX = s.ColumnSums, colM = s.ColumnCounts)
        fixed (double* colY = s.ColumnSquares)
        fixed (byte* good = Mask.Good)
        {
            var ring = new Ring(sv, sm, ev, s.RowLength);
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
                TestRow(ring.Eligible(j % rows), colX, colM, colY, j, strong);
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
            (one & summed).Store(sm + i);
            (v & trusted & Vector256.GreaterThanOrEqual(v, eligibleFrom)).Store(ev + i);
        }

        for (; i < width; i++)
        {
            var k = (int)offset + i;
            var v = frame.Count(k);
            var trusted = Mask.IsTrusted(k, v);
            var summed = trusted && v < DispersionReference.Big;
            sv[i] = summed ? v : 0;
            sm[i] = summed ? 1 : 0;
            ev[i] = trusted && v >= _eligibleFrom ? v : 0;
        }
    }

    // Adds ring row `add` to the column sums and takes ring row `remove` away (either may be -1: none).
    private static unsafe void UpdateColumns(Ring ring, int add, int remove, int* colX, int* colM, double* colY, int rowLength, int kx)
    {
        var svIn = add >= 0 ? ring.Values(add) : null;
        var smIn = add >= 0 ? ring.Counts(add) : null;
        var svOut = remove >= 0 ? ring.Values(remove) : null;
        var smOut = remove >= 0 ? ring.Counts(remove) : null;
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

            // Squares of counts below 2²⁴ and their column sums are exact in double precision.
            var inLow = Avx.ConvertToVector256Double(vIn.GetLower());
            var inHigh = Avx.ConvertToVector256Double(vIn.GetUpper());
            var outLow = Avx.ConvertToVector256Double(vOut.GetLower());
            var outHigh = Avx.ConvertToVector256Double(vOut.GetUpper());
            (Vector256.Load(y) + ((inLow * inLow) - (outLow * outLow))).Store(y);
            (Vector256.Load(y + 4) + ((inHigh * inHigh) - (outHigh * outHigh))).Store(y + 4);
        }
    }

    private unsafe void TestRow(int* eligible, int* colX, int* colM, double* colY, int row, List<int> strong)
    {
        var width = Mask.Width;
        var span = (2 * Settings.KernelHalfWidth) + 1;
        var minCount = Vector256.Create(Settings.EffectiveMinLocal);
        var bigMinusOne = Vector256.Create(DispersionReference.Big - 1);
        var sigma2 = Vector256.Create(_sigmaStrongSquared * ScreenMargin);
        for (var i = 0; i < width; i += Lanes)
        {
            var value = Vector256.Load(eligible + i);
            if (Vector256.EqualsAll(value, Vector256<int>.Zero))
            {
                continue;
            }

            var x = Vector256.Load(colX + i);
            var m = Vector256.Load(colM + i);
            for (var d = 1; d < span; d++)
            {
                x += Vector256.Load(colX + i + d);
                m += Vector256.Load(colM + i + d);
            }

            var big = Vector256.GreaterThan(value, bigMinusOne);
            var b = (m * Vector256.Min(value, bigMinusOne)) - x;
            var plausible = Vector256.GreaterThanOrEqual(m, minCount) & Vector256.GreaterThanOrEqual(x, Vector256<int>.Zero) & Vector256.GreaterThan(b, Vector256<int>.Zero);
            var bf = Vector256.ConvertToSingle(b);
            var screen = Vector256.GreaterThanOrEqual(bf * bf, sigma2 * Vector256.ConvertToSingle(x) * Vector256.ConvertToSingle(m)).AsInt32();
            var candidates = ~Vector256.Equals(value, Vector256<int>.Zero) & ((plausible & screen) | big);
            var bits = candidates.ExtractMostSignificantBits();
            while (bits != 0)
            {
                var column = i + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (column < width && IsStrong(eligible[column], colX + column, colM + column, colY + column, span))
                {
                    strong.Add((row * width) + column);
                }
            }
        }
    }

    private unsafe bool IsStrong(int value, int* colX, int* colM, double* colY, int span)
    {
        int m = 0, x = 0;
        double y = 0;
        for (var d = 0; d < span; d++)
        {
            m += colM[d];
            x += colX[d];
            y += colY[d];
        }

        return DispersionReference.IsStrong(value, m, x, y, Settings.EffectiveMinLocal, Settings);
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
            // Rows j − k − 1 (leaving) to j + k (arriving) are held at once.
            RingRows = (2 * ky) + 2;
            var ringLength = RowLength * RingRows;
            var columns = RowLength + (2 * kx) + Lanes;
            Values = Rent<int>(ringLength);
            Counts = Rent<int>(ringLength);
            Eligible = Rent<int>(ringLength);
            ColumnSums = Rent<int>(columns);
            ColumnCounts = Rent<int>(columns);
            ColumnSquares = Rent<double>(columns);
        }

        public int RowLength { get; }

        public int RingRows { get; }

        public int[] Values { get; }

        public int[] Counts { get; }

        public int[] Eligible { get; }

        public int[] ColumnSums { get; }

        public int[] ColumnCounts { get; }

        public double[] ColumnSquares { get; }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Values);
            ArrayPool<int>.Shared.Return(Counts);
            ArrayPool<int>.Shared.Return(Eligible);
            ArrayPool<int>.Shared.Return(ColumnSums);
            ArrayPool<int>.Shared.Return(ColumnCounts);
            ArrayPool<double>.Shared.Return(ColumnSquares);
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
