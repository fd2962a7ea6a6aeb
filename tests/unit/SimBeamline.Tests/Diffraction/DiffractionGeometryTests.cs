using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Diffraction;

namespace Hyperion.SimBeamline.Tests.Diffraction;

/// <summary>Where spots land and when reflections diffract: the geometry the NXmx master file must agree with.</summary>
public class DiffractionGeometryTests
{
    private static double TwoTheta(DetectorGeometry detector, double fast, double slow)
    {
        var direction = detector.LabPosition(fast, slow).Normalized();
        return Math.Acos(Vector3D.Dot(direction, BeamGeometry.Direction));
    }

    [Fact]
    public void Rotation_spot_centroids_obey_Bragg_s_law_for_their_d_spacing()
    {
        var renderer = Thaumatin.NoParallax;
        var truth = renderer.Predict(Thaumatin.Rotation(10, 1));
        var lambda = Thaumatin.Beam.WavelengthAngstrom;
        Assert.True(truth.Reflections.Count > 100, $"{truth.Reflections.Count} reflections");
        foreach (var r in truth.Reflections.Where(r => !double.IsNaN(r.PhiDegrees)))
        {
            var bragg = 2 * Math.Asin(lambda / (2 * r.DSpacing));
            Assert.True(Math.Abs(TwoTheta(renderer.Detector, r.Fast, r.Slow) - bragg) < 1e-9, $"{r.Index}: 2θ {TwoTheta(renderer.Detector, r.Fast, r.Slow)} vs {bragg}");
        }
    }

    [Fact]
    public void Still_spot_centroids_obey_Bragg_s_law_within_the_excitation_tolerance()
    {
        var renderer = Thaumatin.NoParallax;
        var truth = renderer.Predict(Thaumatin.Still(47));
        var lambda = Thaumatin.Beam.WavelengthAngstrom;
        Assert.NotEmpty(truth.Reflections);
        foreach (var r in truth.Reflections)
        {
            // A still's reflection sits up to ~4 σ_ε off the sphere: its direction can differ from the Bragg angle by
            // about ε·λ, a few hundredths of a degree here.
            var bragg = 2 * Math.Asin(lambda / (2 * r.DSpacing));
            Assert.True(Math.Abs(TwoTheta(renderer.Detector, r.Fast, r.Slow) - bragg) < 0.05 * Math.PI / 180, $"{r.Index}");
        }
    }

    [Fact]
    public void Spots_land_where_the_detector_projects_s0_plus_R_M_U_B_h()
    {
        var renderer = Thaumatin.NoParallax;
        var lambda = Thaumatin.Beam.WavelengthAngstrom;
        var truth = renderer.Predict(Thaumatin.Rotation(123, 0.5));
        var s0 = BeamGeometry.Direction / lambda;
        foreach (var r in truth.Reflections.Where(r => !double.IsNaN(r.PhiDegrees)).Take(50))
        {
            var s1 = s0 + Thaumatin.ReciprocalVector(renderer, r.Index, r.PhiDegrees);
            Assert.Equal(1 / lambda, s1.Length, 9);
            var (fast, slow) = renderer.Detector.Project(s1)!.Value;
            Assert.Equal(fast, r.Fast, 6);
            Assert.Equal(slow, r.Slow, 6);
        }
    }

    [Fact]
    public void Parallax_moves_spots_outward_by_the_sensor_s_mean_absorption_depth()
    {
        var request = Thaumatin.Still(47);
        var plain = Thaumatin.NoParallax.Predict(request).Reflections.ToDictionary(r => r.Index);
        var detector = Thaumatin.Detector;
        var moved = 0;
        foreach (var r in Thaumatin.Renderer.Predict(request).Reflections)
        {
            var p = plain[r.Index];
            var direction = detector.LabPosition(p.Fast, p.Slow).Normalized();

            // dxtbx: the offset is (s·fast, s·slow)·(1/μ − (t/cos + 1/μ)·exp(−μt/cos)), with μ(Si, 12.7 keV) = 3.922 mm⁻¹
            // as dials.show reports it for these frames.
            var mu = 3.922;
            var cos = direction.Z;
            var depth = (1 / mu) - (((0.45 / cos) + (1 / mu)) * Math.Exp(-mu * 0.45 / cos));
            Assert.Equal(p.Fast + (Vector3D.Dot(direction, detector.FastAxis) * depth / 0.075), r.Fast, 0.01);
            Assert.Equal(p.Slow + (Vector3D.Dot(direction, detector.SlowAxis) * depth / 0.075), r.Slow, 0.01);
            var radius = Math.Sqrt(Math.Pow(p.Fast - detector.BeamCentreFast, 2) + Math.Pow(p.Slow - detector.BeamCentreSlow, 2));
            var radiusMoved = Math.Sqrt(Math.Pow(r.Fast - detector.BeamCentreFast, 2) + Math.Pow(r.Slow - detector.BeamCentreSlow, 2));
            Assert.True(radiusMoved > radius, $"{r.Index} moved inward");
            moved++;
        }

        Assert.True(moved > 50, $"{moved} spots compared");
    }

    [Fact]
    public void A_reflection_appears_in_the_rotation_frame_whose_oscillation_holds_its_diffraction_angle()
    {
        var renderer = Thaumatin.Renderer;
        var lambda = Thaumatin.Beam.WavelengthAngstrom;
        var index = new MillerIndex(5, -3, 12);
        var s0 = BeamGeometry.Direction / lambda;

        // Find where (5, −3, 12) crosses the Ewald sphere by brute force: where |s0 + r(ω)| − 1/λ changes sign.
        double Excitation(double omega) => (s0 + Thaumatin.ReciprocalVector(renderer, index, omega)).Length - (1 / lambda);
        var crossings = new List<double>();
        for (var omega = 0.0; omega < 360; omega += 0.05)
        {
            if (Math.Sign(Excitation(omega)) != Math.Sign(Excitation(omega + 0.05)))
            {
                var (a, b) = (omega, omega + 0.05);
                for (var i = 0; i < 60; i++)
                {
                    var mid = (a + b) / 2;
                    (a, b) = Math.Sign(Excitation(mid)) == Math.Sign(Excitation(a)) ? (mid, b) : (a, mid);
                }

                crossings.Add((a + b) / 2);
            }
        }

        Assert.Equal(2, crossings.Count);
        foreach (var phi in crossings)
        {
            // Frames of 0.1° from 0: the one holding φ sees most of the reflection, its neighbours at most the tails.
            var frame = (int)Math.Floor(phi / 0.1);
            PredictedReflection? Find(int f) => renderer.Predict(Thaumatin.Rotation(f * 0.1, 0.1)).Reflections.Cast<PredictedReflection?>().FirstOrDefault(r => r!.Value.Index == index);
            var hit = Find(frame);
            Assert.NotNull(hit);
            Assert.Equal(phi, hit.Value.PhiDegrees, 6);
            Assert.True(hit.Value.Partiality > Math.Max(Find(frame - 1)?.Partiality ?? 0, Find(frame + 1)?.Partiality ?? 0));
            Assert.Null(Find(frame + 5));
            Assert.Null(Find(frame - 5));
        }
    }

    [Fact]
    public void A_sweep_of_thin_frames_records_each_reflection_once()
    {
        var renderer = Thaumatin.Renderer;
        var partialities = new Dictionary<(MillerIndex, int), List<double>>();
        for (var f = 0; f < 60; f++)
        {
            foreach (var r in renderer.Predict(Thaumatin.Rotation(100 + (f * 0.1), 0.1)).Reflections.Where(r => !double.IsNaN(r.PhiDegrees)))
            {
                // A reflection crosses twice per turn; a 6° sweep sees one crossing of each.
                var key = (r.Index, (int)Math.Round(r.PhiDegrees));
                if (!partialities.TryGetValue(key, out var list))
                {
                    partialities[key] = list = [];
                }

                list.Add(r.Partiality);
            }
        }

        // Reflections crossing well inside the sweep: their shares add up to one, and most fall in a single frame.
        var inside = partialities.Where(p => p.Key.Item2 is >= 101 and <= 105).Select(p => p.Value).ToList();
        Assert.True(inside.Count > 200, $"{inside.Count} reflections");
        Assert.All(inside, shares => Assert.InRange(shares.Sum(), 0.99, 1.001));
        Assert.All(inside, shares => Assert.True(shares.Count(s => s > 0.5) <= 1));
        Assert.InRange(inside.Average(shares => shares.Count(s => s > 0.05)), 1.0, 2.5);
    }

    [Fact]
    public void A_still_records_what_a_very_thin_rotation_frame_through_the_same_omega_records()
    {
        // Both follow from one rocking curve: a still at ω sees its height there, a frame of width Δω centred on ω
        // sees its integral over Δω, spread over the same exposure.
        var renderer = Thaumatin.Renderer;
        var rotation = renderer.Predict(Thaumatin.Rotation(80, 2)).Reflections
            .Where(r => !double.IsNaN(r.PhiDegrees) && r.ExpectedCounts > 100 && r.Partiality > 0.999).Take(10).ToList();
        Assert.Equal(10, rotation.Count);
        foreach (var r in rotation)
        {
            var stills = renderer.Predict(Thaumatin.Still(r.PhiDegrees)).Reflections;
            Assert.True(stills.Any(s => s.Index == r.Index), $"{r.Index} at {r.PhiDegrees}: {stills.Count} in the still");
            var still = stills.Single(s => s.Index == r.Index);
            var thin = renderer.Predict(Thaumatin.Rotation(r.PhiDegrees - 5e-5, 1e-4)).Reflections.Single(s => s.Index == r.Index);
            Assert.Equal(1, still.Partiality, 4);
            Assert.Equal(still.ExpectedCounts, thin.ExpectedCounts, 1e-3 * still.ExpectedCounts);
            Assert.Equal(still.Fast, thin.Fast, 1e-3);
        }
    }

    [Fact]
    public void Every_excited_reflection_that_lands_on_the_detector_is_predicted()
    {
        // Brute force over all half a million reflections: the windows and the detector filter must lose none.
        var renderer = Thaumatin.NoParallax;
        var lambda = Thaumatin.Beam.WavelengthAngstrom;
        var s0 = BeamGeometry.Direction / lambda;
        foreach (var omega in new[] { 3.0, 141.7 })
        {
            var predicted = renderer.Predict(Thaumatin.Still(omega)).Reflections.Select(r => r.Index).ToHashSet();
            var expected = 0;
            var a = renderer.Goniometer.OmegaRotation(omega) * renderer.ReciprocalLatticeAtOmegaZero;
            foreach (var reflection in renderer.Reflections)
            {
                var r = a * new Vector3D(reflection.Index.H, reflection.Index.K, reflection.Index.L);
                var s1 = s0 + r;
                var epsilon = s1.Length - (1 / lambda);
                if (Math.Abs(epsilon) > 2 * renderer.Excitation.SigmaEpsilon(r.Length, lambda) || renderer.Detector.Project(s1) is not var (fast, slow)
                    || fast < 5 || slow < 5 || fast > renderer.Detector.Width - 5 || slow > renderer.Detector.Height - 5)
                {
                    continue;
                }

                expected++;
                Assert.True(predicted.Contains(reflection.Index), $"{reflection.Index} at ω = {omega} is missing");
            }

            Assert.True(expected > 50, $"{expected} reflections checked");
        }
    }

    [Fact]
    public void A_still_shows_a_plausible_number_of_spots()
    {
        // Thaumatin at 1.6 Å, 4 ms at 10¹² photons/s: tens to a few hundred spots worth finding on a 4M.
        var strong = Thaumatin.Renderer.Predict(Thaumatin.Still(0)).Reflections.Count(r => r.ExpectedCounts > 10);
        Assert.InRange(strong, 40, 400);
    }

    [Fact]
    public void No_predicted_reflection_lies_beyond_the_crystal_s_resolution_limit()
    {
        var truth = Thaumatin.Renderer.Predict(Thaumatin.Rotation(0, 5));
        Assert.NotEmpty(truth.Reflections);
        Assert.All(truth.Reflections, r => Assert.True(r.DSpacing >= Thaumatin.Sample.Crystal.ResolutionLimitAngstrom));
    }

    [Fact]
    public void Systematically_absent_reflections_never_appear()
    {
        var group = SpaceGroup.Parse("P41212");
        for (var omega = 0; omega < 360; omega += 30)
        {
            var truth = Thaumatin.Renderer.Predict(Thaumatin.Rotation(omega, 5));
            Assert.DoesNotContain(truth.Reflections, r => group.IsSystematicallyAbsent(r.Index));
        }
    }
}
