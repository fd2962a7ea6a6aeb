using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Mx.Oav;
using Hyperion.Devices.Signals;
using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Oav;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Tests.Oav;

/// <summary>The OAV image the twin draws, checked with dodal's own sample detection and arithmetic.</summary>
public sealed class OavRendererTests
{
    private static readonly OavOptics Optics = OavOptics.Load(BeamlineConfiguration.Bundled());
    private static readonly OavRenderer Renderer = new(SampleDefinition.Thaumatin);

    // The crystal moved off the loop's centre column, so that column shows the loop alone.
    private static readonly OavRenderer LoopOnly = new(SampleDefinition.Thaumatin with { Crystal = SampleDefinition.Thaumatin.Crystal with { PositionMm = new Vector3D(-0.1, 0, 0) } });

    private static OavView View(double x, double y, double z, double omega = 0, string zoom = "1.0", bool lit = true) =>
        new(new Vector3D(x, y, z), omega, Optics[zoom], lit);

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 0.0, "1.0")]
    [InlineData(0.3, -0.2, 0.1, 0.0, "1.0")]
    [InlineData(-0.4, 0.25, -0.3, 30.0, "1.0")]
    [InlineData(0.1, 0.05, -0.02, -90.0, "1.0")]
    [InlineData(0.0, 0.0, 0.0, 0.0, "5.0")]
    [InlineData(-0.25, 0.15, 0.2, 135.0, "5.0")]
    public void Sample_detection_finds_the_tip_where_the_geometry_puts_it(double x, double y, double z, double omega, string zoom)
    {
        var view = View(x, y, z, omega, zoom);
        var expected = OavRenderer.PixelOf(Renderer.LoopTip, view);

        var found = new MxSampleDetect().ProcessArray(Renderer.Render(view));

        Assert.NotNull(found.TipX);
        Assert.InRange(found.TipX!.Value, expected.Column - 2, expected.Column + 2);
        Assert.InRange(found.TipY!.Value, expected.Row - 2, expected.Row + 2);
    }

    [Fact]
    public void Zooming_in_scales_the_tips_distance_from_the_beam_centre_by_the_calibration()
    {
        var wide = View(0.2, -0.1, 0, zoom: "1.0");
        var close = wide with { Zoom = Optics["5.0"] };
        var (wideColumn, wideRow) = OavRenderer.Project(Renderer.LoopTip, wide);
        var (closeColumn, closeRow) = OavRenderer.Project(Renderer.LoopTip, close);

        // In the image: the tip's offset from the beam centre grows as the microns per pixel shrink (2.87 → 1.58).
        Assert.Equal((wideColumn - 477.5) * 2.87 / 1.58, closeColumn - 517.5, 6);
        Assert.Equal((wideRow - 359.5) * 2.87 / 1.58, closeRow - 350.5, 6);
        Assert.NotEqual(Renderer.Render(wide).Pixels, Renderer.Render(close).Pixels);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(37.0)]
    [InlineData(-90.0)]
    [InlineData(90.0)]
    [InlineData(200.0)]
    public void Moving_the_smargon_by_dodals_conversion_of_the_tip_pixel_puts_the_tip_on_the_beam_centre(double omega)
    {
        foreach (var zoom in new[] { "1.0", "5.0" })
        {
            var stage = new Vector3D(0.31, -0.17, 0.22);
            var view = View(stage.X, stage.Y, stage.Z, omega, zoom);
            var tip = OavRenderer.PixelOf(Renderer.LoopTip, view);
            var beam = (view.Zoom.BeamCentreX, view.Zoom.BeamCentreY);

            var moved = DodalOavCalculations.PositionPuttingPixelOnBeam(stage, omega, tip, beam, (view.Zoom.MicronsPerPixelX, view.Zoom.MicronsPerPixelY));

            Assert.Equal(beam, OavRenderer.PixelOf(Renderer.LoopTip, view with { StageMm = moved }));
        }
    }

    [Fact]
    public void The_loop_is_a_flat_disc_seen_face_on_at_omega_0_and_edge_on_at_omega_90()
    {
        // Down the column through the loop's centre: the rim spans the loop's diameter face-on, its thickness edge-on.
        var faceOn = DarkExtent(LoopOnly.Render(View(0, 0, 0, 0)));
        var tilted = DarkExtent(LoopOnly.Render(View(0, 0, 0, 45)));
        var edgeOn = DarkExtent(LoopOnly.Render(View(0, 0, 0, 90)));

        var diameter = 2 * LoopOnly.LoopRadiusMm * 1000 / 2.87;
        var thickness = LoopOnly.LoopThicknessMm * 1000 / 2.87;
        Assert.InRange(faceOn, diameter - 3, diameter + 3);
        Assert.InRange(edgeOn, thickness - 3, thickness + 3);
        Assert.InRange(tilted, (diameter * Math.Cos(Math.PI / 4)) - 3, (diameter * Math.Cos(Math.PI / 4)) + thickness + 3);
    }

    [Fact]
    public void The_detected_edges_bracket_the_loop()
    {
        foreach (var omega in new[] { 0.0, 90.0 })
        {
            var view = View(0, 0, 0, omega);
            var found = new MxSampleDetect().ProcessArray(LoopOnly.Render(view));
            var (column, row) = OavRenderer.PixelOf(default, view);
            var radians = omega * Math.PI / 180;
            var halfHeight = ((LoopOnly.LoopRadiusMm * Math.Abs(Math.Cos(radians))) + (LoopOnly.LoopThicknessMm / 2 * Math.Abs(Math.Sin(radians)))) * 1000 / 2.87;
            var (top, bottom) = (row + 0.5 - halfHeight, row + 0.5 + halfHeight);

            Assert.InRange(found.EdgeTop[column], top - 2, top + 1);
            Assert.InRange(found.EdgeBottom[column], bottom - 1, bottom + 2);
        }
    }

    [Fact]
    public void The_detected_edges_bracket_a_crystal_sticking_out_of_the_loop()
    {
        var sample = SampleDefinition.Thaumatin with { Crystal = SampleDefinition.Thaumatin.Crystal with { PositionMm = new Vector3D(0, 0.15, 0), SizeMicrons = new Vector3D(60, 60, 30) } };
        var renderer = new OavRenderer(sample);
        var view = View(0, 0, 0);
        var found = new MxSampleDetect().ProcessArray(renderer.Render(view));

        var (column, loopTop) = OavRenderer.Project(new Vector3D(0, -Renderer.LoopRadiusMm, 0), view);
        var (_, loopBottom) = OavRenderer.Project(new Vector3D(0, Renderer.LoopRadiusMm, 0), view);
        var (_, crystalBottom) = OavRenderer.Project(new Vector3D(0, 0.18, 0), view);
        Assert.True(crystalBottom > loopBottom + 5, "the crystal should reach below the loop");
        Assert.InRange(found.EdgeTop[(int)column], loopTop - 2, loopTop + 1);
        Assert.InRange(found.EdgeBottom[(int)column], crystalBottom - 1, crystalBottom + 2);
    }

    [Fact]
    public void Without_the_backlight_the_image_is_dark_and_has_no_tip()
    {
        var image = Renderer.Render(View(0, 0, 0, lit: false));

        Assert.True(image.Pixels.Max() < 20, "the image should be dark");
        var found = new MxSampleDetect().ProcessArray(image);
        Assert.Null(found.TipX);
        Assert.All(found.EdgeTop, row => Assert.Equal(MxSampleDetect.NoneValue, row));
    }

    [Fact]
    public void Rendering_is_deterministic_and_the_noise_follows_the_seed()
    {
        var view = View(0.1, 0.05, -0.02, 20);
        var again = new OavRenderer(SampleDefinition.Thaumatin).Render(view);
        var otherSeed = new OavRenderer(SampleDefinition.Thaumatin with { Seed = 7 }).Render(view);

        Assert.Equal(Renderer.Render(view).Pixels, again.Pixels);
        Assert.NotEqual(again.Pixels, otherSeed.Pixels);
        Assert.InRange(again.Pixels.Zip(otherSeed.Pixels, (a, b) => Math.Abs(a - b)).Max(), 1, 16);
    }

    [Fact]
    public void The_image_changes_when_the_smargon_moves()
    {
        var before = Renderer.Render(View(0, 0, 0));
        var after = Renderer.Render(View(0.05, 0, 0));

        Assert.Equal(Optics.Width * Optics.Height, after.Pixels.Count);
        Assert.True(before.Pixels.Zip(after.Pixels, (a, b) => Math.Abs(a - b) > 50).Count(d => d) > 1000, "the loop and pin should have moved");
    }

    // How many rows, down the loop's centre column, are much darker than the backlight (the rim and anything on it).
    private static int DarkExtent(Image2D<byte> image)
    {
        var column = Optics["1.0"].BeamCentreX;
        var rows = Enumerable.Range(0, image.Height).Where(row => image[row, column] < 150).ToList();
        return rows.Count == 0 ? 0 : rows[^1] - rows[0] + 1;
    }
}
