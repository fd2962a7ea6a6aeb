using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Diffraction;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Tests.Diffraction;

public class ReflectionListTests
{
    private static CrystalDefinition Crystal(string group, double resolution) => SampleDefinition.Thaumatin.Crystal with
    {
        SpaceGroup = group,
        ResolutionLimitAngstrom = resolution,
    };

    [Fact]
    public void No_reflection_lies_beyond_the_resolution_limit_and_the_sphere_is_full()
    {
        var crystal = Crystal("P1", 3.0);
        var list = ReflectionList.For(crystal, 1);
        Assert.All(list, r => Assert.True(r.DSpacing >= 3.0, $"{r.Index} at {r.DSpacing} Å"));

        // The reciprocal lattice points in a sphere of radius 1/d: (4/3)π/d³ per reciprocal cell volume, 1/V.
        var expected = 4.0 / 3 * Math.PI / Math.Pow(3.0, 3) * crystal.UnitCell.Volume;
        Assert.InRange(list.Count, expected * 0.97, expected * 1.03);
        Assert.Equal(-1, list.IndexOf(new MillerIndex(0, 0, 0)));
    }

    [Fact]
    public void Systematic_absences_of_the_space_group_are_left_out()
    {
        var list = ReflectionList.For(Crystal("P41212", 3.0), 1);
        var group = SpaceGroup.Parse("P41212");
        Assert.DoesNotContain(list, r => group.IsSystematicallyAbsent(r.Index));
        Assert.Equal(-1, list.IndexOf(new MillerIndex(0, 0, 2)));
        Assert.Equal(-1, list.IndexOf(new MillerIndex(3, 0, 0)));
        Assert.NotEqual(-1, list.IndexOf(new MillerIndex(0, 0, 4)));
        Assert.NotEqual(-1, list.IndexOf(new MillerIndex(2, 0, 0)));
        Assert.Equal(new MillerIndex(1, 2, 3), list[list.IndexOf(new MillerIndex(1, 2, 3))].Index);
    }

    [Fact]
    public void Symmetry_equivalents_and_Friedel_mates_have_the_same_intensity()
    {
        var list = ReflectionList.For(Crystal("P41212", 3.0), 1);
        double Intensity(int h, int k, int l) => list[list.IndexOf(new MillerIndex(h, k, l))].Intensity;
        var i = Intensity(3, 5, 7);
        Assert.Equal(i, Intensity(-5, 3, 7));
        Assert.Equal(i, Intensity(5, 3, -7));
        Assert.Equal(i, Intensity(-3, -5, -7));
        Assert.NotEqual(i, Intensity(3, 5, 8));
    }

    [Fact]
    public void Intensities_follow_Wilson_statistics()
    {
        var list = ReflectionList.For(Crystal("P1", 2.0), 3, new DiffractionOptions { WilsonB = 20 });

        // Acentric reflections in a thin shell: exponential about Σf²·exp(−B/(2d²)), so mean ≈ the Wilson mean and
        // the second moment ⟨I²⟩/⟨I⟩² ≈ 2. P1 has only Friedel pairs: half the reflections are independent.
        var shell = list.Where(r => r.DSpacing is > 3.0 and < 3.2 && !r.IsCentric).ToList();
        var wilson = shell.Average(r => list.SumOfSquaredScatteringFactors * Math.Exp(-20 / (2 * r.DSpacing * r.DSpacing)));
        var mean = shell.Average(r => r.Intensity);
        var secondMoment = shell.Average(r => r.Intensity * r.Intensity) / (mean * mean);
        Assert.True(shell.Count > 4000, $"{shell.Count} reflections in the shell");
        Assert.InRange(mean / wilson, 0.95, 1.05);
        Assert.InRange(secondMoment, 1.85, 2.15);
    }

    [Fact]
    public void The_seed_decides_the_intensities()
    {
        var crystal = Crystal("P212121", 4.0);
        var a = ReflectionList.For(crystal, 11);
        var b = ReflectionList.For(crystal with { }, 11);
        var c = ReflectionList.For(crystal, 12);
        Assert.Equal(a.Select(r => r.Intensity), b.Select(r => r.Intensity));
        Assert.NotEqual(a.Select(r => r.Intensity), c.Select(r => r.Intensity));
        Assert.Same(a, ReflectionList.For(crystal, 11));
    }

    [Fact]
    public void A_crystal_in_an_unknown_space_group_cannot_be_rendered()
    {
        var sample = SampleDefinition.Thaumatin with { Crystal = Crystal("P 42/m", 3.0) };
        var e = Assert.Throws<SampleException>(() => new DiffractionRenderer(sample, DetectorGeometry.Eiger4M(250), GoniometerGeometry.I03));
        Assert.Equal("crystal.space_group", e.Field);
    }
}
