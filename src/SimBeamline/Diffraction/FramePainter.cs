using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// Draws a frame's pixels from its <see cref="FramePlan"/>, in bands of rows across threads. Each row has its own
/// random stream keyed by (frame, row), and each spot row by (frame, spot, row), so the frame is the same bytes
/// whatever the threading. Where the background is sparse (the usual short exposure: well under a count per
/// pixel), a module row's counts are drawn as a Poisson number of hits at the row's peak mean, scattered uniformly
/// and kept with probability mean/peak (thinning): the work follows the counts, not the pixels. Where it is
/// dense, each pixel is drawn from a bucketed inverse-CDF table. Gaps stay 0; counts saturate at the type's
/// maximum.
/// </summary>
internal static unsafe class FramePainter
{
    /// <summary>Above this peak mean (counts/pixel) a module row is drawn pixel by pixel.</summary>
    private const float DenseMean = 0.75f;

    private const int BandRows = 32;

    public static void Paint<T>(Span<T> frame, FramePlan plan, int width, int height, EigerModuleLayout modules, int maxDegreeOfParallelism)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var bands = (height + BandRows - 1) / BandRows;
        fixed (T* pixels = frame)
        {
            // A span cannot enter a lambda; the pinned address can, for the duration of the fixed block.
            var address = (nint)pixels;
            if (maxDegreeOfParallelism == 1)
            {
                for (var band = 0; band < bands; band++)
                {
                    PaintBand((T*)address, band, width, height, plan, modules);
                }
            }
            else
            {
                Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, band => PaintBand((T*)address, band, width, height, plan, modules));
            }
        }
    }

    private static void PaintBand<T>(T* pixels, int band, int width, int height, FramePlan plan, EigerModuleLayout modules)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var y0 = band * BandRows;
        var y1 = Math.Min(height, y0 + BandRows);
        var background = plan.Background;
        var allSpots = CollectionsMarshal.AsSpan(plan.Spots);
        var shares = CollectionsMarshal.AsSpan(plan.Shares);
        Span<float> nodes = stackalloc float[background.NodesX];
        Span<int> spots = stackalloc int[64];
        var spotCount = 0;
        List<int>? moreSpots = null;
        for (var s = 0; s < allSpots.Length && allSpots[s].Y0 < y1; s++)
        {
            if (allSpots[s].Y1 > y0)
            {
                if (spotCount < spots.Length)
                {
                    spots[spotCount++] = s;
                }
                else
                {
                    (moreSpots ??= []).Add(s);
                }
            }
        }

        for (var y = y0; y < y1; y++)
        {
            var row = new Span<T>(pixels + ((long)y * width), width);
            row.Clear();
            if (modules.IsGapRow(y))
            {
                continue;
            }

            if (plan.BackgroundScale > 0)
            {
                background.InterpolateRow(y, plan.BackgroundScale, nodes);
                var random = new Xoshiro256(Xoshiro256.Key(plan.Key, y));
                foreach (var (start, end) in modules.Columns)
                {
                    PaintSegment(row, start, end, nodes, ref random);
                }
            }

            foreach (var s in spots[..spotCount])
            {
                PaintSpotRow(row, y, allSpots[s], shares, modules);
            }

            if (moreSpots is not null)
            {
                foreach (var s in moreSpots)
                {
                    PaintSpotRow(row, y, allSpots[s], shares, modules);
                }
            }
        }
    }

    private static void PaintSegment<T>(Span<T> row, int start, int end, ReadOnlySpan<float> nodes, ref Xoshiro256 random)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var peak = 0f;
        for (var n = start >> BackgroundModel.StepShift; n <= ((end - 1) >> BackgroundModel.StepShift) + 1; n++)
        {
            peak = Math.Max(peak, nodes[n]);
        }

        if (peak <= 0)
        {
            return;
        }

        if (peak < DenseMean)
        {
            Sparse(row, start, end, nodes, peak, ref random);
        }
        else
        {
            Dense(row, start, end, nodes, ref random);
        }
    }

    private static void Sparse<T>(Span<T> row, int start, int end, ReadOnlySpan<float> nodes, float peak, ref Xoshiro256 stream)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var length = (ulong)(end - start);
        var hits = Poisson.Sample(ref stream, peak * (double)length);

        // A local copy of the generator whose address never escapes stays in registers; the stream moves on after.
        var random = stream;
        var perUnit = peak / 4294967296f;
        ref var pixels = ref MemoryMarshal.GetReference(row);
        ref var means = ref MemoryMarshal.GetReference(nodes);
        for (var i = 0; i < hits; i++)
        {
            var bits = random.NextUInt64();
            var x = start + (int)(((bits >> 32) * length) >> 32);
            var node = x >> BackgroundModel.StepShift;
            var low = Unsafe.Add(ref means, node);
            var mean = low + ((Unsafe.Add(ref means, node + 1) - low) * (x & (BackgroundModel.Step - 1)) * (1f / BackgroundModel.Step));

            // Branch-free: about half the hits are thinned away at random. A segment holds at most a few hundred
            // hits, so its pixels cannot reach even a 16-bit maximum here.
            Unsafe.Add(ref pixels, x) += T.CreateTruncating((uint)bits * perUnit < mean ? 1 : 0);
        }

        stream = random;
    }

    private static void Dense<T>(Span<T> row, int start, int end, ReadOnlySpan<float> nodes, ref Xoshiro256 stream)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var random = stream;
        var max = ulong.CreateTruncating(T.MaxValue);
        ulong bits = 0;
        var spare = false;
        for (var x = start; x < end; x++)
        {
            var node = x >> BackgroundModel.StepShift;
            var mean = nodes[node] + ((nodes[node + 1] - nodes[node]) * (x & (BackgroundModel.Step - 1)) * (1f / BackgroundModel.Step));
            int count;
            if (mean > PoissonTable.MaxMean)
            {
                count = Large(random.NextUInt64(), mean);
            }
            else
            {
                // One 64-bit draw serves two pixels.
                uint u;
                if (spare)
                {
                    u = (uint)bits;
                    spare = false;
                }
                else
                {
                    bits = random.NextUInt64();
                    u = (uint)(bits >> 32);
                    spare = true;
                }

                count = PoissonTable.For(mean).Sample(u);
            }

            row[x] = (ulong)count >= max ? T.MaxValue : T.CreateTruncating(count);
        }

        stream = random;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PaintSpotRow<T>(Span<T> row, int y, in SpotPlan spot, ReadOnlySpan<float> shares, EigerModuleLayout modules)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (y < spot.Y0 || y >= spot.Y1)
        {
            return;
        }

        var rowCounts = spot.Counts * shares[spot.SlowOffset + (y - spot.Y0)];
        var random = new Xoshiro256(Xoshiro256.Key(spot.Key, y));
        var max = ulong.CreateTruncating(T.MaxValue);
        for (var x = spot.X0; x < spot.X1; x++)
        {
            var mean = rowCounts * shares[spot.FastOffset + (x - spot.X0)];
            var bits = random.NextUInt64();
            int count;
            if (mean < PoissonTable.MinMean)
            {
                // P(2 or more) ≈ mean²/2 < 10⁻⁴: a Bernoulli draw is as good and far cheaper.
                count = (uint)bits * (1.0 / 4294967296.0) < mean ? 1 : 0;
            }
            else
            {
                count = mean <= PoissonTable.MaxMean ? PoissonTable.For((float)mean).Sample((uint)(bits >> 32)) : Large(bits, mean);
            }

            if (count == 0 || modules.IsGapColumn(x))
            {
                continue;
            }

            var sum = ulong.CreateTruncating(row[x]) + (ulong)count;
            row[x] = sum >= max ? T.MaxValue : T.CreateTruncating(sum);
        }
    }

    /// <summary>
    /// A draw for a mean beyond the tables, from a generator seeded by <paramref name="bits"/>: the caller's own
    /// generator never has its address taken, so it stays in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Large(ulong bits, double mean)
    {
        var random = new Xoshiro256(bits);
        return Poisson.Sample(ref random, mean);
    }
}
