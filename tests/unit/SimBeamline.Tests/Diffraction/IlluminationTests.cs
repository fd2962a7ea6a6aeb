using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Diffraction;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Tests.Diffraction;

public class IlluminationTests
{
    private static readonly CrystalDefinition Crystal = SampleDefinition.Thaumatin.Crystal with { SizeMicrons = new Vector3D(50, 40, 30), PositionMm = new Vector3D(0.02, -0.01, 0) };
    private static readonly GoniometerGeometry Gonio = GoniometerGeometry.I03;

    [Fact]
    public void A_flat_top_beam_wider_than_the_crystal_bathes_all_of_it()
    {
        var beam = new BeamGeometry(1, 1e12, 200, 200);
        var volume = Illumination.PeakEquivalentVolume(Crystal, Gonio, Crystal.PositionMm, 37, beam, BeamProfile.FlatTop);
        Assert.Equal(50 * 40 * 30, volume, 6);
    }

    [Fact]
    public void A_stage_move_that_puts_the_beam_edge_through_the_crystal_centre_halves_the_volume()
    {
        // The flat-top beam spans x in [−100, 100] µm; the crystal, 50 µm along x, is centred on x = +100 µm.
        var beam = new BeamGeometry(1, 1e12, 200, 200);
        var stage = Crystal.PositionMm - new Vector3D(0.1, 0, 0);
        var volume = Illumination.PeakEquivalentVolume(Crystal, Gonio, stage, 0, beam, BeamProfile.FlatTop);
        Assert.Equal(50 * 40 * 30 / 2.0, volume, 6);
    }

    [Fact]
    public void A_Gaussian_beam_at_omega_0_gives_the_product_of_error_functions()
    {
        // At omega 0 the box's edges lie along x, y, z: the overlap separates into erf(L/(2√2 σ)) along x and y.
        var beam = new BeamGeometry(1, 1e12, 80, 20);
        var volume = Illumination.PeakEquivalentVolume(Crystal, Gonio, Crystal.PositionMm, 0, beam, BeamProfile.Gaussian, 60);
        double Along(double length, double fwhm)
        {
            var sigma = fwhm / (2 * Math.Sqrt(2 * Math.Log(2)));
            return sigma * Math.Sqrt(2 * Math.PI) * (1 - (2 * NormalDistribution.Cdf(-length / (2 * sigma))));
        }

        Assert.Equal(Along(50, 80) * Along(40, 20) * 30, volume, 0.005 * volume);
    }

    [Fact]
    public void Omega_90_turns_the_crystal_s_depth_into_the_beam_s_height()
    {
        // At omega 90 the 30 µm edge (smargon z) stands across the 20 µm-high beam instead of the 40 µm edge.
        var beam = new BeamGeometry(1, 1e12, 200, 20);
        var flat0 = Illumination.PeakEquivalentVolume(Crystal, Gonio, Crystal.PositionMm, 0, beam, BeamProfile.FlatTop, 60);
        var flat90 = Illumination.PeakEquivalentVolume(Crystal, Gonio, Crystal.PositionMm, 90, beam, BeamProfile.FlatTop, 60);
        Assert.Equal(50 * 20 * 30, flat0, 0.02 * flat0);
        Assert.Equal(50 * 20 * 40, flat90, 0.02 * flat90);
    }

    [Fact]
    public void A_crystal_a_millimetre_away_is_not_illuminated()
    {
        var beam = BeamGeometry.FromEnergy(12.7);
        var volume = Illumination.PeakEquivalentVolume(Crystal, Gonio, Crystal.PositionMm + new Vector3D(0, 1, 0), 0, beam, BeamProfile.Gaussian);
        Assert.True(volume < 1e-100, $"{volume} µm³");
    }
}
