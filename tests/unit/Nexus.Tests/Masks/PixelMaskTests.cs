using Hyperion.Nexus.Geometry;
using Hyperion.Nexus.Masks;

namespace Hyperion.Nexus.Tests.Masks;

public class PixelMaskTests
{
    [Fact]
    public void The_16M_gaps_are_three_module_column_gaps_and_seven_row_gaps()
    {
        var detector = DetectorGeometry.Eiger16M(200);
        var mask = PixelMask.EigerModuleGaps(detector.Width, detector.Height);
        var expected = (3 * 12 * detector.Height) + (7 * 38 * detector.Width) - (3 * 12 * 7 * 38);
        Assert.Equal(expected, mask.Count(PixelMaskFlags.Gap));
        Assert.Equal(expected, mask.MaskedCount);
        Assert.Equal(PixelMaskFlags.None, mask[1027, 511]);
        Assert.Equal(PixelMaskFlags.Gap, mask[1028, 0]);
        Assert.Equal(PixelMaskFlags.Gap, mask[1039, 100]);
        Assert.Equal(PixelMaskFlags.None, mask[1040, 100]);
        Assert.Equal(PixelMaskFlags.Gap, mask[0, 512]);
        Assert.Equal(PixelMaskFlags.Gap, mask[0, 549]);
        Assert.Equal(PixelMaskFlags.None, mask[0, 550]);
        Assert.Equal(PixelMaskFlags.None, mask[detector.Width - 1, detector.Height - 1]);
    }

    [Fact]
    public void The_4M_roi_has_one_column_gap_and_three_row_gaps()
    {
        var detector = DetectorGeometry.Eiger4M(200);
        var mask = PixelMask.EigerModuleGaps(detector.Width, detector.Height);
        Assert.Equal((12 * detector.Height) + (3 * 38 * detector.Width) - (12 * 3 * 38), mask.Count(PixelMaskFlags.Gap));
    }

    [Fact]
    public void Dead_and_noisy_pixels_are_seeded_and_off_the_gaps()
    {
        var detector = DetectorGeometry.Eiger4M(200);
        var a = PixelMask.ForEiger(detector, seed: 3, deadFraction: 1e-3, noisyFraction: 5e-4);
        var b = PixelMask.ForEiger(detector, seed: 3, deadFraction: 1e-3, noisyFraction: 5e-4);
        var c = PixelMask.ForEiger(detector, seed: 4, deadFraction: 1e-3, noisyFraction: 5e-4);
        Assert.True(a.Values.SequenceEqual(b.Values));
        Assert.False(a.Values.SequenceEqual(c.Values));

        var gaps = PixelMask.EigerModuleGaps(detector.Width, detector.Height).Count(PixelMaskFlags.Gap);
        var sensor = (detector.Width * detector.Height) - gaps;
        Assert.Equal(gaps, a.Count(PixelMaskFlags.Gap));
        Assert.Equal(Math.Round(sensor * 1e-3), a.Count(PixelMaskFlags.Dead));
        Assert.Equal(Math.Round(sensor * 5e-4), a.Count(PixelMaskFlags.Noisy));
        Assert.Equal(gaps + a.Count(PixelMaskFlags.Dead) + a.Count(PixelMaskFlags.Noisy), a.MaskedCount);
    }
}
