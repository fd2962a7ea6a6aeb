using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Diffraction;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.Benchmarks;

/// <summary>
/// The diffraction renderer's workloads, shared by the quick mode and BenchmarkDotNet: the thaumatin sample at
/// 12.7 keV, 10¹² photons/s, on an Eiger 4M (ROI) or 16M at 250 mm; stills of 4 ms (grid-scan frames) and 0.1°
/// rotation frames of 4 ms, each with its own omega and seed.
/// </summary>
public static class DiffractionWorkloads
{
    /// <summary>The beam.</summary>
    public static BeamGeometry Beam { get; } = BeamGeometry.FromEnergy(12.7);

    /// <summary>A renderer for "4M" or "16M", its per-wavelength tables prepared.</summary>
    public static DiffractionRenderer Renderer(string detector, int threads = -1)
    {
        var geometry = detector == "16M" ? DetectorGeometry.Eiger16M(250) : DetectorGeometry.Eiger4M(250);
        var renderer = new DiffractionRenderer(SampleDefinition.Thaumatin, geometry, GoniometerGeometry.I03, new DiffractionOptions { MaxDegreeOfParallelism = threads });
        renderer.Prepare(Beam.WavelengthAngstrom);
        return renderer;
    }

    /// <summary>Frame <paramref name="i"/> of a grid scan (a still with the crystal centred) or of a 0.1° rotation.</summary>
    public static FrameRequest Frame(int i, bool rotation, bool crystalInBeam = true) => new()
    {
        StagePositionMm = SampleDefinition.Thaumatin.Crystal.PositionMm + (crystalInBeam ? default : new Vector3D(0, 1, 0)),
        Beam = Beam,
        OmegaStartDegrees = rotation ? i * 0.1 : 0,
        OscillationDegrees = rotation ? 0.1 : 0,
        ExposureSeconds = 0.004,
        Seed = (ulong)i,
    };
}
