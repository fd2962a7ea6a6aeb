using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Diffraction;

namespace Hyperion.SimBeamline.Tests.Diffraction;

/// <summary>The pixels: spots where predicted, background only when the crystal is out of the beam, gaps, noise, seeds.</summary>
public class DiffractionFrameTests
{
    private static uint[] Render(FrameRequest request, out FrameTruth truth, DiffractionRenderer? renderer = null)
    {
        renderer ??= Thaumatin.Renderer;
        var frame = new uint[renderer.PixelCount];
        truth = renderer.Render(request, frame);
        return frame;
    }

    private static long BoxSum(uint[] frame, int width, double fast, double slow, int half)
    {
        long sum = 0;
        for (var y = (int)slow - half; y <= (int)slow + half; y++)
        {
            for (var x = (int)fast - half; x <= (int)fast + half; x++)
            {
                sum += frame[(y * width) + x];
            }
        }

        return sum;
    }

    [Fact]
    public void The_frame_has_counts_at_the_predicted_positions_above_background()
    {
        var frame = Render(Thaumatin.Still(12), out var truth);
        var width = Thaumatin.Detector.Width;
        var strongest = truth.Reflections.Where(r => !r.InModuleGap && r.Fast is > 10 and < 2058 && r.Slow is > 10 and < 2152)
            .OrderByDescending(r => r.ExpectedCounts).Take(30).ToList();
        Assert.Equal(30, strongest.Count);
        var backgroundPerPixel = truth.ExpectedBackgroundCounts / Thaumatin.Renderer.Modules.ActivePixels;
        foreach (var r in strongest)
        {
            // A 7 × 7 box holds nearly all of a spot σ ≲ 1 px wide; it must hold most of the expected counts and far
            // more than the background would put there.
            var box = BoxSum(frame, width, r.Fast, r.Slow, 3);
            Assert.True(box > 0.8 * r.ExpectedCounts - (5 * Math.Sqrt(r.ExpectedCounts)), $"{r.Index}: {box} counts, {r.ExpectedCounts:F0} expected");
            Assert.True(box > 20 * Math.Max(1, 49 * backgroundPerPixel), $"{r.Index}: {box} counts");
        }
    }

    [Fact]
    public void The_total_counts_are_the_background_plus_the_spots()
    {
        var frame = Render(Thaumatin.Still(70), out var truth);
        var expected = truth.ExpectedBackgroundCounts + truth.Reflections.Where(r => !r.InModuleGap).Sum(r => r.ExpectedCounts);
        var total = frame.Sum(c => (double)c);

        // Spots near a gap lose a little of their tails to it; the rest is Poisson noise.
        Assert.InRange(total, 0.97 * expected, 1.01 * expected);
    }

    [Fact]
    public void A_crystal_moved_out_of_the_beam_leaves_only_background()
    {
        var request = Thaumatin.Still(12) with { StagePositionMm = Thaumatin.Centred + new Vector3D(0, 0.3, 0) };
        var frame = Render(request, out var truth);
        Assert.Equal(0, truth.IlluminatedVolumeCubicMicrons, 6);
        Assert.All(truth.Reflections, r => Assert.True(r.ExpectedCounts < 1e-6));
        var total = frame.Sum(c => (double)c);
        Assert.InRange(total, truth.ExpectedBackgroundCounts - (6 * Math.Sqrt(truth.ExpectedBackgroundCounts)), truth.ExpectedBackgroundCounts + (6 * Math.Sqrt(truth.ExpectedBackgroundCounts)));
        Assert.Empty(SpotFinder.Find(frame, Thaumatin.Detector.Width, Thaumatin.Detector.Height, threshold: 5));
    }

    [Fact]
    public void Partial_overlap_scales_every_reflection_by_the_illuminated_volume()
    {
        var centred = Thaumatin.Renderer.Predict(Thaumatin.Still(12));
        var offset = Thaumatin.Renderer.Predict(Thaumatin.Still(12) with { StagePositionMm = Thaumatin.Centred + new Vector3D(0.04, 0.012, 0) });
        var ratio = offset.IlluminatedVolumeCubicMicrons / centred.IlluminatedVolumeCubicMicrons;
        Assert.InRange(ratio, 0.05, 0.7);
        Assert.Equal(centred.Reflections.Count, offset.Reflections.Count);
        foreach (var (a, b) in centred.Reflections.Zip(offset.Reflections))
        {
            Assert.Equal(a.Index, b.Index);
            Assert.Equal(ratio, b.ExpectedCounts / a.ExpectedCounts, 9);
        }

        Assert.Equal(centred.ExpectedBackgroundCounts, offset.ExpectedBackgroundCounts);
    }

    [Fact]
    public void Counts_scale_with_exposure_and_transmission()
    {
        var full = Thaumatin.Renderer.Predict(Thaumatin.Still(12));
        var less = Thaumatin.Renderer.Predict(Thaumatin.Still(12) with { ExposureSeconds = 0.002, Transmission = 0.25 });
        Assert.Equal(full.ExpectedBackgroundCounts / 8, less.ExpectedBackgroundCounts, 6);
        Assert.Equal(full.Reflections[0].ExpectedCounts / 8, less.Reflections[0].ExpectedCounts, 9);
    }

    [Fact]
    public void Module_gaps_read_zero()
    {
        var frame = Render(Thaumatin.Still(5) with { ExposureSeconds = 0.5 }, out _);
        var (width, height) = (Thaumatin.Detector.Width, Thaumatin.Detector.Height);
        var layout = Thaumatin.Renderer.Modules;
        long gapSum = 0, moduleSum = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (layout.IsGap(x, y))
                {
                    gapSum += frame[(y * width) + x];
                }
                else
                {
                    moduleSum += frame[(y * width) + x];
                }
            }
        }

        Assert.Equal(0, gapSum);
        Assert.True(moduleSum > 1_000_000, $"{moduleSum} counts on the modules");
    }

    [Fact]
    public void The_same_request_renders_the_same_bytes_on_any_number_of_threads()
    {
        var serial = new DiffractionRenderer(Thaumatin.Sample, Thaumatin.Detector, GoniometerGeometry.I03, new DiffractionOptions { MaxDegreeOfParallelism = 1 });
        var a = Render(Thaumatin.Rotation(33, 0.1, seed: 9), out _);
        var b = Render(Thaumatin.Rotation(33, 0.1, seed: 9), out _, serial);
        Assert.True(a.AsSpan().SequenceEqual(b), "a serial render differs from a parallel one");

        // Two threads rendering different frames at once get what each would alone.
        var frames = new uint[4][];
        Parallel.For(0, 4, i => frames[i] = Render(Thaumatin.Rotation(33, 0.1, seed: (ulong)(7 + i)), out _));
        Assert.True(frames[2].AsSpan().SequenceEqual(a), "a concurrent render differs");
    }

    [Fact]
    public void A_different_frame_seed_draws_different_noise_around_the_same_spots()
    {
        var a = Render(Thaumatin.Still(20, seed: 1), out var ta);
        var b = Render(Thaumatin.Still(20, seed: 2), out var tb);
        Assert.False(a.AsSpan().SequenceEqual(b));
        Assert.Equal(ta.Reflections, tb.Reflections);
        var differing = a.Zip(b).Count(p => p.First != p.Second);
        Assert.True(differing > 10_000, $"{differing} pixels differ");
    }

    [Fact]
    public void Sixteen_bit_frames_hold_the_same_counts_as_thirty_two_bit_ones()
    {
        var request = Thaumatin.Still(20, seed: 5);
        var wide = Render(request, out _);
        var narrow = new ushort[Thaumatin.Renderer.PixelCount];
        Thaumatin.Renderer.Render(request, narrow);
        for (var i = 0; i < wide.Length; i++)
        {
            Assert.Equal(Math.Min(wide[i], ushort.MaxValue), narrow[i]);
        }
    }

    [Fact]
    public void Background_pixels_are_independent_Poisson_draws_about_the_smooth_mean()
    {
        // Out of the beam, two frames with different seeds: their difference has variance 2·mean per pixel whatever
        // the mean's slow variation across the patch. Short and long exposures take the sparse (thinned hits) and
        // dense (per-pixel table) paths.
        foreach (var (exposure, minimumMean) in new[] { (0.02, 0.03), (2.0, 2.0) })
        {
            var request = Thaumatin.Still(0) with { StagePositionMm = Thaumatin.Centred + new Vector3D(0, 1, 0), ExposureSeconds = exposure };
            var a = Render(request with { Seed = 1 }, out _);
            var b = Render(request with { Seed = 2 }, out _);
            double sum = 0, squares = 0;
            var n = 0;
            for (var y = 100; y < 400; y++)
            {
                for (var x = 100; x < 400; x++)
                {
                    var i = (y * Thaumatin.Detector.Width) + x;
                    sum += a[i] + b[i];
                    squares += Math.Pow((double)a[i] - b[i], 2);
                    n++;
                }
            }

            var mean = sum / (2 * n);
            var ratio = squares / n / (2 * mean);
            Assert.True(mean > minimumMean, $"mean {mean} at {exposure} s");
            Assert.True(ratio is > 0.95 and < 1.05, $"variance/mean {ratio} at {exposure} s (mean {mean})");
        }
    }

    [Fact]
    public void The_background_has_a_water_ring_near_3_7_angstrom()
    {
        var request = Thaumatin.Still(0) with { StagePositionMm = Thaumatin.Centred + new Vector3D(0, 1, 0), ExposureSeconds = 1 };
        var frame = Render(request, out _);
        var detector = Thaumatin.Detector;
        var lambda = Thaumatin.Beam.WavelengthAngstrom;
        double Mean(double dMin, double dMax)
        {
            double sum = 0;
            var n = 0;
            for (var y = 0; y < detector.Height; y += 3)
            {
                for (var x = 0; x < detector.Width; x += 3)
                {
                    var twoTheta = Math.Acos(detector.LabPosition(x + 0.5, y + 0.5).Normalized().Z);
                    var d = lambda / (2 * Math.Sin(twoTheta / 2));
                    if (d > dMin && d < dMax && !Thaumatin.Renderer.Modules.IsGap(x, y))
                    {
                        sum += frame[(y * detector.Width) + x];
                        n++;
                    }
                }
            }

            return sum / n;
        }

        var ring = Mean(3.6, 3.8);
        Assert.True(ring > 1.3 * Mean(5.5, 6.5), $"ring {ring} vs 6 Å {Mean(5.5, 6.5)}");
        Assert.True(ring > 1.3 * Mean(2.9, 3.0), $"ring {ring} vs 2.95 Å {Mean(2.9, 3.0)}");
    }

    [Fact]
    public void A_simple_spot_finder_finds_the_spots_near_the_predictions()
    {
        var frame = Render(Thaumatin.Still(64), out var truth);
        var found = SpotFinder.Find(frame, Thaumatin.Detector.Width, Thaumatin.Detector.Height, threshold: 4);
        var strong = truth.Reflections.Where(r => r.ExpectedCounts > 50 && !r.InModuleGap).ToList();
        Assert.True(strong.Count > 30, $"{strong.Count} strong reflections");
        static double Distance((double Fast, double Slow) a, (double Fast, double Slow) b) => Math.Sqrt(Math.Pow(a.Fast - b.Fast, 2) + Math.Pow(a.Slow - b.Slow, 2));

        // Nearly every strong prediction has a spot within 1.5 px, and nearly every spot found has a prediction.
        var matched = strong.Count(r => found.Any(s => Distance((s.Fast, s.Slow), (r.Fast, r.Slow)) < 1.5));
        Assert.True(matched >= 0.95 * strong.Count, $"{matched} of {strong.Count} strong reflections found");
        var explained = found.Count(s => truth.Reflections.Any(r => Distance((s.Fast, s.Slow), (r.Fast, r.Slow)) < 2));
        Assert.True(explained >= 0.95 * found.Count, $"{explained} of {found.Count} spots predicted");
    }

    [Fact]
    public void A_buffer_of_the_wrong_size_is_refused_with_both_sizes()
    {
        var e = Assert.Throws<FrameBufferSizeException>(() => Thaumatin.Renderer.Render(Thaumatin.Still(), new uint[100]));
        Assert.Equal(2068 * 2162, e.Expected);
        Assert.Equal(100, e.Given);
        Assert.Contains("2068 × 2162", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_out_of_range_is_refused_naming_the_field()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Thaumatin.Renderer.Predict(Thaumatin.Still() with { Transmission = 1.5 }));
        Assert.Equal("Transmission", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Thaumatin.Renderer.Predict(Thaumatin.Still() with { ExposureSeconds = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiffractionRenderer(Thaumatin.Sample, Thaumatin.Detector, GoniometerGeometry.I03, new DiffractionOptions { Bandpass = -1 }));
    }
}
