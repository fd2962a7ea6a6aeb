using Hyperion.SimBeamline.Diffraction;

namespace Hyperion.SimBeamline.Tests.Diffraction;

public class EigerModuleLayoutTests
{
    [Fact]
    public void An_Eiger_16M_has_4_by_8_modules_with_12_and_38_pixel_gaps()
    {
        var layout = EigerModuleLayout.For(4148, 4362);
        Assert.Equal((4, 8), (layout.ModuleColumns, layout.ModuleRows));
        Assert.Equal((1040, 2068), layout.ActiveColumnRanges[1]);
        Assert.Equal((550, 1062), layout.ActiveRowRanges[1]);
        Assert.False(layout.IsGap(1027, 511));
        Assert.True(layout.IsGap(1028, 0));
        Assert.True(layout.IsGap(1039, 0));
        Assert.False(layout.IsGap(1040, 0));
        Assert.True(layout.IsGap(0, 512));
        Assert.True(layout.IsGap(0, 549));
        Assert.False(layout.IsGap(0, 550));
        Assert.Equal(32L * 1028 * 512, layout.ActivePixels);
    }

    [Fact]
    public void A_4M_region_has_2_by_4_modules()
    {
        var layout = EigerModuleLayout.For(2068, 2162);
        Assert.Equal((2, 4), (layout.ModuleColumns, layout.ModuleRows));
        Assert.True(layout.IsGapRow(1062 + 10));
        Assert.True(layout.IsGapColumn(1030));
    }

    [Fact]
    public void A_detector_that_is_not_whole_modules_has_no_gaps()
    {
        var layout = EigerModuleLayout.For(1000, 1000);
        Assert.Equal((1, 1), (layout.ModuleColumns, layout.ModuleRows));
        Assert.False(layout.IsGap(500, 500));
        Assert.Equal(1_000_000, layout.ActivePixels);
        Assert.False(EigerModuleLayout.For(4148, 4362, gaps: false).IsGap(1030, 0));
    }
}
