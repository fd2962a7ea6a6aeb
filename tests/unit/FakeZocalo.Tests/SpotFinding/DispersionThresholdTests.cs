using Hyperion.FakeZocalo.SpotFinding;
using Hyperion.Nexus.DataFiles;

namespace Hyperion.FakeZocalo.Tests.SpotFinding;

public sealed class DispersionThresholdTests
{
    private static readonly DispersionSettings NoBackgroundTest = new() { SigmaBackground = 0 };

    [Fact]
    public void A_bright_pixel_on_a_flat_background_is_strong()
    {
        var frame = Flat(21, 21, 1);
        frame[(10 * 21) + 10] = 50;
        Assert.Equal([(10 * 21) + 10], Strong(frame, Mask(21, 21)));
    }

    [Fact]
    public void A_flat_frame_has_no_strong_pixels() => Assert.Empty(Strong(Flat(40, 30, 3), Mask(40, 30)));

    [Fact]
    public void The_window_is_clipped_at_the_edges_so_a_corner_pixel_is_judged_on_its_four_by_four_window()
    {
        var frame = Flat(12, 12, 1);
        frame[0] = 30;
        frame[(11 * 12) + 11] = 30;
        Assert.Equal([0, (11 * 12) + 11], Strong(frame, Mask(12, 12)));
    }

    [Fact]
    public void A_masked_pixel_is_never_strong_and_leaves_its_neighbours_windows()
    {
        var frame = Flat(15, 15, 1);
        frame[(7 * 15) + 7] = 80;
        var pixelMask = new uint[15 * 15];
        pixelMask[(7 * 15) + 7] = 1;
        var mask = new DetectorMask(15, 15, pixelMask, -1, 9266);
        Assert.Empty(Strong(frame, mask));

        // Whatever a masked pixel holds, its neighbours are judged the same.
        var noisy = TestFrames.Noisy(15, 15, 3, background: 2, blobs: 3);
        var found = Strong(noisy, mask);
        Assert.NotEmpty(found);
        noisy[(7 * 15) + 7] = 5000;
        Assert.Equal(found, Strong(noisy, mask));
    }

    [Fact]
    public void Counts_outside_the_trusted_range_are_masked()
    {
        var frame = Flat(15, 15, 1);
        frame[(7 * 15) + 7] = 9266;
        Assert.Empty(Strong(frame, Mask(15, 15)));
        frame[(7 * 15) + 7] = 9265;
        Assert.Equal([(7 * 15) + 7], Strong(frame, Mask(15, 15)));
    }

    [Fact]
    public void A_pixel_with_fewer_than_min_local_valid_neighbours_is_not_judged()
    {
        // A lone pixel with every other pixel of its window masked has m = 1 < 2.
        var frame = Flat(9, 9, 0);
        frame[(4 * 9) + 4] = 100;
        var pixelMask = Enumerable.Repeat(1u, 81).ToArray();
        pixelMask[(4 * 9) + 4] = 0;
        Assert.Empty(Strong(frame, new DetectorMask(9, 9, pixelMask, -1, 9266), NoBackgroundTest with { SigmaStrong = 0 }));
        pixelMask[(4 * 9) + 5] = 0;
        Assert.Equal([(4 * 9) + 4], Strong(frame, new DetectorMask(9, 9, pixelMask, -1, 9266), NoBackgroundTest with { SigmaStrong = 0 }));
    }

    [Theory]
    [InlineData(4u, false)] // m·I − x = 12 = 3·√(x·m) exactly: the comparison is strict.
    [InlineData(5u, true)]
    public void The_strong_test_is_strict_at_its_boundary(uint peak, bool strong)
    {
        // A 2 × 2 frame lies wholly inside every pixel's window: m = 4, x = I.
        uint[] frame = [peak, 0, 0, 0];
        Assert.Equal(strong, Strong(frame, Mask(2, 2), NoBackgroundTest).Contains(0));
    }

    [Theory]
    [InlineData(1u, false)] // m·y − x² − x(m − 1) = 4 − 1 − 3 = 0, not above 0.
    [InlineData(2u, true)]
    public void The_dispersion_test_is_strict_at_its_boundary(uint peak, bool strong)
    {
        uint[] frame = [peak, 0, 0, 0];
        Assert.Equal(strong, Strong(frame, Mask(2, 2), NoBackgroundTest with { SigmaStrong = 0 }).Contains(0));
    }

    [Fact]
    public void The_global_threshold_is_exclusive()
    {
        uint[] frame = [5, 0, 0, 0];
        Assert.Empty(Strong(frame, Mask(2, 2), NoBackgroundTest with { GlobalThreshold = 5 }));
        Assert.Equal([0], Strong(frame, Mask(2, 2), NoBackgroundTest with { GlobalThreshold = 4.5 }));
    }

    [Fact]
    public void No_data_values_read_as_negative_counts_as_dxtbx_reads_them()
    {
        Assert.Equal(-1, DetectorMask.SignedCount(0xFFFF, PixelType.UInt16));
        Assert.Equal(-2, DetectorMask.SignedCount(0xFFFE, PixelType.UInt16));
        Assert.Equal(65533, DetectorMask.SignedCount(65533, PixelType.UInt16));
        Assert.Equal(-1, DetectorMask.SignedCount(0xFFFFFFFF, PixelType.UInt32));
        Assert.Equal(-1, DetectorMask.SignedCount(0x7FFFFFFF, PixelType.UInt32));
        Assert.Equal(-2, DetectorMask.SignedCount(0x7FFFFFFE, PixelType.UInt32));
        Assert.Equal(65535, DetectorMask.SignedCount(0xFFFF, PixelType.UInt32));

        // With underload −1 the trusted range is (−2, saturation): −1 is trusted, −2 is not.
        var mask = Mask(2, 1);
        Assert.True(mask.IsTrusted(0, -1));
        Assert.False(mask.IsTrusted(0, -2));
    }

    [Theory]
    [InlineData(PixelType.UInt32, 1, 101, 67)]
    [InlineData(PixelType.UInt16, 1, 96, 80)]
    [InlineData(PixelType.UInt32, 3, 257, 300)]
    [InlineData(PixelType.UInt16, 4, 64, 64)]
    [InlineData(PixelType.UInt32, 1, 2301, 30)] // Frames wider than a few thousand columns, as the 16M is.
    [InlineData(PixelType.UInt16, 2, 2048, 40)]
    public void The_fast_path_gives_the_reference_pixels(PixelType pixelType, int threads, int width, int height)
    {
        var mask = new DetectorMask(width, height, TestFrames.RandomMask(width, height, width), -1, 9266);
        var fast = new DispersionThreshold(mask, maxDegreeOfParallelism: threads);
        Assert.True(fast.UsesFastPath);
        for (var seed = 0; seed < 4; seed++)
        {
            var frame = TestFrames.Noisy(width, height, seed, background: 0.2 + seed, pixelType: pixelType);
            var expected = TestFrames.Reference(frame, pixelType, mask);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, TestFrames.Strong(frame, pixelType, fast));
        }
    }

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(2, 3, 0)]
    [InlineData(3, 3, 49)]
    [InlineData(4, 3, 10)]
    public void Other_kernels_and_min_local_give_the_reference_pixels(int kx, int ky, int minLocal)
    {
        var settings = new DispersionSettings { KernelHalfWidth = kx, KernelHalfHeight = ky, MinLocal = minLocal };
        var mask = new DetectorMask(77, 45, TestFrames.RandomMask(77, 45, 5, 0.05), -1, 9266);
        var frame = TestFrames.Noisy(77, 45, kx, background: 1.5, blobs: 30);
        Assert.Equal(TestFrames.Reference(frame, PixelType.UInt32, mask, settings), TestFrames.Strong(frame, PixelType.UInt32, new DispersionThreshold(mask, settings, 2)));
    }

    [Theory]
    [InlineData(-1, 1 << 26, 1 << 25)] // Counts at or above 2²⁴ are trusted but not summed; squares beyond 32-bit sums.
    [InlineData(3, 9266, 9266)] // Zero lies outside the trusted range: empty pixels leave the windows.
    public void Large_counts_and_trusted_ranges_without_zero_give_the_reference_pixels(double underload, double saturation, int saturated)
    {
        var mask = new DetectorMask(83, 61, TestFrames.RandomMask(83, 61, 2), underload, saturation);
        var frame = TestFrames.Noisy(83, 61, 5, background: 2, blobs: 25, saturation: saturated);
        var random = new Random(11);
        for (var n = 0; n < 80; n++)
        {
            frame[random.Next(frame.Length)] = (uint)random.Next(10_000, 20_000_000);
        }

        var fast = new DispersionThreshold(mask, maxDegreeOfParallelism: 2);
        Assert.True(fast.UsesFastPath);
        var expected = TestFrames.Reference(frame, PixelType.UInt32, mask);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, TestFrames.Strong(frame, PixelType.UInt32, fast));
    }

    [Fact]
    public void Sixteen_bit_frames_read_as_ushort_give_the_same_pixels()
    {
        var frame = TestFrames.Noisy(64, 40, 9, pixelType: PixelType.UInt16);
        var narrow = Array.ConvertAll(frame, v => (ushort)v);
        var threshold = new DispersionThreshold(new DetectorMask(64, 40, TestFrames.RandomMask(64, 40, 1), -1, 9266));
        var strong = new List<int>();
        threshold.FindStrongPixels(narrow, strong);
        Assert.Equal(TestFrames.Strong(frame, PixelType.UInt16, threshold), strong);
    }

    [Fact]
    public void A_frame_of_the_wrong_size_is_refused()
    {
        var threshold = new DispersionThreshold(Mask(4, 4));
        var error = Assert.Throws<ArgumentException>(() => threshold.FindStrongPixels(new uint[15], PixelType.UInt32, []));
        Assert.Contains("16 pixels, not 15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_dials_refuses_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DispersionThreshold(Mask(4, 4), new DispersionSettings { MinLocal = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DispersionThreshold(Mask(4, 4), new DispersionSettings { KernelHalfWidth = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DispersionThreshold(Mask(4, 4), new DispersionSettings { SigmaStrong = -1 }));
    }

    private static DetectorMask Mask(int width, int height) => new(width, height, [], -1, 9266);

    private static uint[] Flat(int width, int height, uint value) => Enumerable.Repeat(value, width * height).ToArray();

    private static List<int> Strong(uint[] frame, DetectorMask mask, DispersionSettings? settings = null)
    {
        var fast = TestFrames.Strong(frame, PixelType.UInt32, new DispersionThreshold(mask, settings));
        Assert.Equal(TestFrames.Reference(frame, PixelType.UInt32, mask, settings), fast);
        return fast;
    }
}
