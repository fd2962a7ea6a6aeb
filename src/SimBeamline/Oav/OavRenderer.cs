using Hyperion.Devices.Signals;
using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Oav;

/// <summary>
/// Draws what the OAV sees, looking along the beam: an 8-bit grey image of the backlit pin, loop and crystal.
/// <para>
/// The sample frame is the smargon's (mm, at omega 0): the smargon reading <c>p</c> puts the point <c>p</c> on the
/// beam. The loop is a flat ring in that frame's x-y plane centred on the origin (so the loop faces the camera at
/// omega 0 and is edge-on at omega 90); its far end, <see cref="LoopTip"/>, lies on −x; a stem joins it to the
/// pin, a cylinder along +x that starts <see cref="PinDefinition.LoopLengthMicrons"/> from the loop's far end and
/// runs out of the image on the right, where dodal's forward scan (the direction Hyperion's OAV centring
/// configuration selects) expects it. The crystal is its box, axis-aligned in the sample frame.
/// </para>
/// <para>
/// A point appears at column <c>bx + lab.X / µm per px</c> and row <c>by + lab.Y / µm per px</c> (pixel centres;
/// <c>bx, by</c> the zoom's beam centre), where <c>lab = GoniometerGeometry.LabPosition(p, stage, −omega)</c>:
/// Diamond's smargon turns the opposite way to the NeXus omega axis (mx-bluesky's omega_flip). This is the inverse
/// of dodal's <c>camera_coordinates_to_xyz</c>, so moving the smargon by what that gives for (pixel − beam centre)
/// brings the pixel onto the beam centre.
/// </para>
/// Rendering is deterministic: the noise and vignetting are fixed by the sample's seed. An instance may be used
/// from several threads.
/// </summary>
public sealed class OavRenderer
{
    private const double BackgroundCentre = 214;
    private const double BackgroundCorner = 176;
    private const int DarkLevel = 7;
    private const double PinLevel = 26;
    private const double WireLevel = 46;
    private const double WireOpacity = 0.92;
    private const double FilmLevel = 120;
    private const double FilmOpacity = 0.16;
    private const double CrystalLevel = 92;
    private const double CrystalOpacity = 0.7;

    // Sub-pixel shapes still cover this many pixels, so a loop seen edge-on never vanishes.
    private const double MinimumHalfHeight = 0.35;

    private readonly byte[] _background;
    private readonly sbyte[] _noise;

    /// <summary>Prepares the renderer for <paramref name="sample"/> and an image of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public OavRenderer(SampleDefinition sample, int width = 1024, int height = 768)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Sample = sample;
        Width = width;
        Height = height;
        var pin = sample.Pin;
        LoopRadiusMm = pin.LoopDiameterMicrons / 2000;
        LoopWireWidthMm = Math.Clamp(0.08 * pin.LoopDiameterMicrons, 8, 40) / 1000;
        // A mounted loop holds a meniscus of mother liquor and is rarely flat: edge-on it looks far thicker than its wire,
        // thick enough for i03's X-ray-centring detection (tips at least 70 px tall at 7.5×) to find it.
        LoopThicknessMm = Math.Clamp(0.25 * pin.LoopDiameterMicrons, 30, 120) / 1000;
        StemHalfWidthMm = 0.06 * pin.LoopDiameterMicrons / 1000;
        PinStartMm = Math.Max(LoopRadiusMm, (pin.LoopLengthMicrons / 1000) - LoopRadiusMm);
        PinRadiusMm = pin.PinDiameterMicrons / 2000;
        (_background, _noise) = Backdrop(width, height, sample.Seed);
    }

    /// <summary>The sample drawn.</summary>
    public SampleDefinition Sample { get; }

    /// <summary>The image width in pixels.</summary>
    public int Width { get; }

    /// <summary>The image height in pixels.</summary>
    public int Height { get; }

    /// <summary>The geometry the sample is placed with.</summary>
    public static GoniometerGeometry Geometry => GoniometerGeometry.I03;

    /// <summary>The loop's outer radius in mm.</summary>
    public double LoopRadiusMm { get; }

    /// <summary>The width of the loop's rim in mm.</summary>
    public double LoopWireWidthMm { get; }

    /// <summary>How thick the loop, with its liquid, looks edge-on, in mm.</summary>
    public double LoopThicknessMm { get; }

    /// <summary>Half the width of the stem joining the loop to the pin, in mm.</summary>
    public double StemHalfWidthMm { get; }

    /// <summary>Where the pin starts along x, in mm.</summary>
    public double PinStartMm { get; }

    /// <summary>The pin's radius in mm.</summary>
    public double PinRadiusMm { get; }

    /// <summary>The far end of the loop in the sample frame (mm): the tip pin-tip detection finds.</summary>
    public Vector3D LoopTip => new(-LoopRadiusMm, 0, 0);

    /// <summary>
    /// Where <paramref name="point"/> (sample frame, mm) appears: continuous image coordinates, pixel (i, j)
    /// spanning [i, i + 1) × [j, j + 1), so the point lies in pixel (⌊column⌋, ⌊row⌋).
    /// </summary>
    public static (double Column, double Row) Project(Vector3D point, OavView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var lab = ImagePlane(point, view);
        return (view.Zoom.BeamCentreX + 0.5 + (lab.X * 1000 / view.Zoom.MicronsPerPixelX), view.Zoom.BeamCentreY + 0.5 + (lab.Y * 1000 / view.Zoom.MicronsPerPixelY));
    }

    /// <summary>The pixel <paramref name="point"/> (sample frame, mm) falls in.</summary>
    public static (int Column, int Row) PixelOf(Vector3D point, OavView view)
    {
        var (column, row) = Project(point, view);
        return ((int)Math.Floor(column), (int)Math.Floor(row));
    }

    /// <summary>Renders the image the OAV sees for <paramref name="view"/>.</summary>
    public Image2D<byte> Render(OavView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var pixels = new byte[Width * Height];
        if (!view.Illuminated)
        {
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = (byte)Math.Clamp(DarkLevel + (_noise[i] / 2), 0, 255);
            }

            return new Image2D<byte>(Height, Width, pixels);
        }

        Buffer.BlockCopy(_background, 0, pixels, 0, pixels.Length);
        var canvas = new Canvas(pixels, Width, Height);
        var (kx, ky) = (1000 / view.Zoom.MicronsPerPixelX, 1000 / view.Zoom.MicronsPerPixelY);

        // How the sample frame's y and z axes foreshorten onto the image's vertical at this omega.
        var cy = Math.Abs(ImagePlane(new Vector3D(0, 1, 0), view with { StageMm = default }).Y);
        var cz = Math.Abs(ImagePlane(new Vector3D(0, 0, 1), view with { StageMm = default }).Y);
        var (x0, y0) = Project(default, view);
        var halfThickness = LoopThicknessMm / 2 * cz * ky;

        // The loop is a thin disc: an ellipse foreshortened by cos(omega), thickened by its edge as it turns away.
        var outer = new EllipseShape(LoopRadiusMm * kx, Math.Max(LoopRadiusMm * cy * ky, MinimumHalfHeight), halfThickness);
        var innerRadius = LoopRadiusMm - LoopWireWidthMm;
        var inner = new EllipseShape(innerRadius * kx, Math.Max(innerRadius * cy * ky, MinimumHalfHeight), -halfThickness);
        var hasInner = inner.B - halfThickness > MinimumHalfHeight;
        if (hasInner)
        {
            canvas.Ellipse(x0, y0, inner, FilmLevel, FilmOpacity);
        }

        var crystal = Sample.Crystal;
        var (cx, cr) = Project(crystal.PositionMm, view);
        var halfX = crystal.SizeMicrons.X / 2000 * kx;
        var halfY = ((crystal.SizeMicrons.Y / 2000 * cy) + (crystal.SizeMicrons.Z / 2000 * cz)) * ky;
        canvas.Rectangle(cx - halfX, cx + halfX, cr - halfY, cr + halfY, CrystalLevel, CrystalOpacity);

        canvas.Ring(x0, y0, outer, hasInner ? inner : null, WireLevel, WireOpacity);
        var stemHalfHeight = Math.Max((StemHalfWidthMm * cy * ky) + halfThickness, MinimumHalfHeight);
        canvas.Rectangle(x0 + ((LoopRadiusMm - (LoopWireWidthMm / 2)) * kx), x0 + (PinStartMm * kx), y0 - stemHalfHeight, y0 + stemHalfHeight, WireLevel, WireOpacity);
        canvas.Rectangle(x0 + (PinStartMm * kx), double.PositiveInfinity, y0 - (PinRadiusMm * ky), y0 + (PinRadiusMm * ky), PinLevel, 1);

        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)Math.Clamp(pixels[i] + _noise[i], 0, 255);
        }

        return new Image2D<byte>(Height, Width, pixels);
    }

    // The point's offset from the beam in the image plane (mm): x across to the right, y down.
    private static Vector3D ImagePlane(Vector3D point, OavView view) => Geometry.LabPosition(point, view.StageMm, -view.OmegaDegrees);

    // The backlight's vignetted field and the camera's fixed-pattern noise (about 2 grey levels rms), from the seed.
    private static (byte[] Background, sbyte[] Noise) Backdrop(int width, int height, int seed)
    {
        var background = new byte[width * height];
        var noise = new sbyte[width * height];
        var (centreX, centreY) = (width / 2.0, height / 2.0);
        var farthest = (centreX * centreX) + (centreY * centreY);
        var state = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (dx, dy) = (x + 0.5 - centreX, y + 0.5 - centreY);
                var falloff = ((dx * dx) + (dy * dy)) / farthest;
                var i = (y * width) + x;
                background[i] = (byte)Math.Round(BackgroundCentre - ((BackgroundCentre - BackgroundCorner) * falloff));

                // Three uniform draws in [-1, 1) sum to a bell of unit variance; doubled, two grey levels.
                var sum = 0.0;
                for (var k = 0; k < 3; k++)
                {
                    sum += (SplitMix(ref state) >> 11) * (2.0 / (1UL << 53)) - 1;
                }

                noise[i] = (sbyte)Math.Round(2 * sum);
            }
        }

        return (background, noise);
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
