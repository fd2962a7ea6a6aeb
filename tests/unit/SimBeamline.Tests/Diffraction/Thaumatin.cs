using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Diffraction;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Tests.Diffraction;

/// <summary>
/// The renderers the diffraction tests share (a renderer is thread-safe, and building thaumatin's half a million
/// reflections once is enough): the default thaumatin sample on an Eiger 4M at 250 mm, with and without the
/// parallax offset.
/// </summary>
internal static class Thaumatin
{
    public static SampleDefinition Sample { get; } = SampleDefinition.Thaumatin;

    public static DetectorGeometry Detector { get; } = DetectorGeometry.Eiger4M(250);

    public static BeamGeometry Beam { get; } = BeamGeometry.FromEnergy(12.7);

    private static readonly Lazy<DiffractionRenderer> DefaultRenderer = new(() => new DiffractionRenderer(Sample, Detector, GoniometerGeometry.I03));

    private static readonly Lazy<DiffractionRenderer> NoParallaxRenderer = new(() => new DiffractionRenderer(Sample, Detector, GoniometerGeometry.I03, new DiffractionOptions { Parallax = false }));

    /// <summary>The stage position that puts the crystal's centre in the beam.</summary>
    public static Vector3D Centred => Sample.Crystal.PositionMm;

    public static DiffractionRenderer Renderer => DefaultRenderer.Value;

    public static DiffractionRenderer NoParallax => NoParallaxRenderer.Value;

    public static FrameRequest Still(double omega = 30, ulong seed = 1) =>
        new() { StagePositionMm = Centred, Beam = Beam, OmegaStartDegrees = omega, Seed = seed };

    public static FrameRequest Rotation(double omega, double width, ulong seed = 1) =>
        new() { StagePositionMm = Centred, Beam = Beam, OmegaStartDegrees = omega, OscillationDegrees = width, Seed = seed };

    /// <summary>The lab reciprocal-lattice vector of <paramref name="index"/>, worked out here from the brief's formula r = R(e, ω)·M·U·B·h.</summary>
    public static Vector3D ReciprocalVector(DiffractionRenderer renderer, MillerIndex index, double omega)
    {
        var gonio = renderer.Goniometer;
        var b = renderer.Crystal.UnitCell.ReciprocalBasis * new Vector3D(index.H, index.K, index.L);
        var u = renderer.Orientation * b;
        var m = (gonio.SamXAxis * u.X) + (gonio.SamYAxis * u.Y) + (gonio.SamZAxis * u.Z);
        return gonio.OmegaRotation(omega) * m;
    }
}
