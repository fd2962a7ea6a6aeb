using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// One frame's constants and the work per candidate reflection: its excitation (still) or share of the rocking
/// curve (rotation), its counts, and where and how wide its spot lands.
/// </summary>
internal sealed class FramePredictor(DiffractionRenderer renderer, WavelengthState state, FrameRequest request, double darwin, ulong frameKey, bool paint)
{
    /// <summary>Spots expecting fewer counts than this are listed but not painted.</summary>
    private const double PaintedCounts = 1e-2;

    /// <summary>Windows whose cutoff half-width in omega is at most this (degrees) get the analytic rocking curve.</summary>
    private const double AnalyticHalfWidth = 2;

    private const int RotationSteps = 24;

    private readonly double _wavelength = request.Beam.WavelengthAngstrom;
    private readonly Vector3D _s0 = BeamGeometry.Direction.Normalized() / request.Beam.WavelengthAngstrom;
    private readonly Matrix3 _still = renderer.Goniometer.OmegaRotation(request.OmegaStartDegrees);

    public void Still(int reflection, List<PredictedReflection> truth, List<SpotPlan> spots, List<float> shares)
    {
        var r0 = R0(reflection);
        var r = _still * r0;
        var s1 = _s0 + r;
        var epsilon = s1.Length - (1 / _wavelength);
        var sigma = renderer.Excitation.SigmaEpsilon(r0.Length, _wavelength);
        var partiality = Math.Exp(-epsilon * epsilon / (2 * sigma * sigma));
        if (partiality < DiffractionRenderer.MinimumPartiality)
        {
            return;
        }

        // The rate at the peak of the rocking curve (its integral over omega, darwin·|F|²/(λ|dε/dφ|), over its width
        // √(2π)·σ_ε/|dε/dφ|), times the still's excitation.
        var photons = darwin * renderer.Reflections.IntensityAt(reflection) * request.ExposureSeconds * partiality / (Math.Sqrt(2 * Math.PI) * sigma * _wavelength);
        AddSpot(reflection, s1, r0.Length, photons, partiality, double.NaN, truth, spots, shares);
    }

    public void Rotation(int reflection, int window, double lo, double hi, List<PredictedReflection> truth, List<SpotPlan> spots, List<float> shares)
    {
        var r0 = R0(reflection);
        var geometry = EwaldGeometry.Compute(r0, renderer.Axis, _s0, _wavelength, renderer.Excitation);
        if (!geometry.HasWindows)
        {
            return;
        }

        var sweepRadians = (hi - lo) * Math.PI / 180;
        var intensity = renderer.Reflections.IntensityAt(reflection);
        var middle = (lo + hi) / 2;
        var slope = geometry.Crosses ? geometry.Slope(_wavelength) : 0;
        var sigmaPhi = slope > 0 ? geometry.SigmaEpsilon / slope * 180 / Math.PI : double.PositiveInfinity;
        if (ExcitationModel.Cutoff * sigmaPhi <= AnalyticHalfWidth)
        {
            var phi = Unwrap(geometry.CrossingDegrees(window), middle);
            var fraction = NormalDistribution.Cdf((hi - phi) / sigmaPhi) - NormalDistribution.Cdf((lo - phi) / sigmaPhi);

            // Kept when the frame reaches where a still would keep it, however thin the frame (and its share).
            var nearest = Math.Max(0, Math.Max(lo - phi, phi - hi)) / sigmaPhi;
            if (Math.Exp(-nearest * nearest / 2) < DiffractionRenderer.MinimumPartiality)
            {
                return;
            }

            // The full reflection, darwin |F|² / (λ |dε/dφ|) photon-seconds per radian (λ|dε/dφ| is the inverse
            // Lorentz factor), spread over the sweep at t/Δφ seconds per radian.
            var photons = darwin * intensity * (request.ExposureSeconds / sweepRadians) * fraction / (_wavelength * slope);
            var s1 = _s0 + (renderer.Goniometer.OmegaRotation(phi) * r0);
            AddSpot(reflection, s1, r0.Length, photons, fraction, phi, truth, spots, shares);
            return;
        }

        // Near the rotation axis the linear rocking curve fails: integrate the still's excitation over the
        // part of this window inside the frame, and over the whole window for the partiality.
        var (begin, end) = geometry.Window(window);
        var shift = Math.Round((middle - ((begin + end) / 2)) / 360) * 360;
        (begin, end) = (begin + shift, end + shift);
        var (from, to) = (Math.Max(lo, begin), Math.Min(hi, end));
        if (from >= to)
        {
            return;
        }

        var (inFrame, peak, peakPhi) = Integrate(r0, geometry.SigmaEpsilon, from, to);
        var (whole, _, _) = Integrate(r0, geometry.SigmaEpsilon, begin, end);
        var share = whole > 0 ? inFrame / whole : 0;
        if (peak < DiffractionRenderer.MinimumPartiality)
        {
            return;
        }

        var total = darwin * intensity * (request.ExposureSeconds / sweepRadians) * inFrame / (Math.Sqrt(2 * Math.PI) * geometry.SigmaEpsilon * _wavelength);
        var direction = _s0 + (renderer.Goniometer.OmegaRotation(peakPhi) * r0);
        AddSpot(reflection, direction, r0.Length, total, share, double.NaN, truth, spots, shares);
    }

    private static double Unwrap(double degrees, double near) => degrees + (Math.Round((near - degrees) / 360) * 360);

    private (double Integral, double Peak, double PeakPhi) Integrate(Vector3D r0, double sigma, double from, double to)
    {
        var step = (to - from) / RotationSteps;
        var (sum, peak, peakPhi) = (0.0, 0.0, from);
        for (var i = 0; i < RotationSteps; i++)
        {
            var phi = from + ((i + 0.5) * step);
            var epsilon = (_s0 + (renderer.Goniometer.OmegaRotation(phi) * r0)).Length - (1 / _wavelength);
            var p = Math.Exp(-epsilon * epsilon / (2 * sigma * sigma));
            sum += p * step * Math.PI / 180;
            if (p > peak)
            {
                (peak, peakPhi) = (p, phi);
            }
        }

        return (sum, peak, peakPhi);
    }

    private Vector3D R0(int reflection)
    {
        var h = renderer.Reflections.IndexAt(reflection);
        return renderer.ReciprocalLatticeAtOmegaZero * new Vector3D(h.H, h.K, h.L);
    }

    private void AddSpot(int reflection, Vector3D s1, double r, double photons, double partiality, double phi, List<PredictedReflection> truth, List<SpotPlan> spots, List<float> shares)
    {
        var detector = renderer.Detector;
        var direction = s1.Normalized();
        if (detector.Project(direction) is not var (fast, slow))
        {
            return;
        }

        var normal = detector.Normal.Normalized();
        var cosIncidence = Math.Abs(Vector3D.Dot(direction, normal));
        var options = renderer.Options;
        if (state.SensorMu is { } mu && options.Parallax)
        {
            // Where DIALS's parallax correction expects the photon: at the mean absorption depth along the ray.
            var depth = SensorAbsorption.MeanAbsorptionDepth(mu, detector.SensorThicknessMm, cosIncidence);
            fast += Vector3D.Dot(direction, detector.FastAxis) * depth / detector.PixelSizeMm;
            slow += Vector3D.Dot(direction, detector.SlowAxis) * depth / detector.PixelSizeMm;
        }

        if (fast < 0 || slow < 0 || fast >= detector.Width || slow >= detector.Height)
        {
            return;
        }

        var polarisation = 1 - (options.PolarizationFraction * direction.X * direction.X) - ((1 - options.PolarizationFraction) * direction.Y * direction.Y);
        var efficiency = state.SensorMu is { } m ? SensorAbsorption.Efficiency(m, detector.SensorThicknessMm, cosIncidence) : 1;
        var counts = photons * polarisation * efficiency;

        // The spot's width: its intrinsic size, plus the spread of diffracted directions (the mosaic blocks
        // in reflecting position fan out by |r|λ·σ_η; divergence adds its own) projected at the ray's length.
        var excitation = renderer.Excitation;
        var angular = Math.Sqrt(Math.Pow(r * _wavelength * excitation.MosaicRadians, 2) + Math.Pow(excitation.DivergenceRadians, 2));
        var rayLength = Math.Abs(Vector3D.Dot(detector.Origin, normal)) / cosIncidence;
        var spread = rayLength * angular / (detector.PixelSizeMm * cosIncidence);
        var sigmaPixels = Math.Sqrt((options.SpotSigmaPixels * options.SpotSigmaPixels) + (spread * spread));
        var inGap = renderer.Modules.IsGap((int)fast, (int)slow);
        truth.Add(new PredictedReflection(renderer.Reflections.IndexAt(reflection), fast, slow, counts, partiality, renderer.Reflections.DSpacingAt(reflection), phi, sigmaPixels, inGap));
        if (!paint || counts < PaintedCounts)
        {
            return;
        }

        var reach = 3.5 * sigmaPixels;
        var (x0, x1) = (Math.Max(0, (int)Math.Floor(fast - reach)), Math.Min(detector.Width, (int)Math.Floor(fast + reach) + 1));
        var (y0, y1) = (Math.Max(0, (int)Math.Floor(slow - reach)), Math.Min(detector.Height, (int)Math.Floor(slow + reach) + 1));
        var fastOffset = shares.Count;
        Shares(shares, x0, x1, fast, sigmaPixels);
        var slowOffset = shares.Count;
        Shares(shares, y0, y1, slow, sigmaPixels);
        spots.Add(new SpotPlan(x0, x1, y0, y1, fastOffset, slowOffset, counts, Xoshiro256.Key(frameKey, 1L << 40, truth.Count, reflection)));
    }

    private static void Shares(List<float> shares, int from, int to, double centre, double sigma)
    {
        var below = NormalDistribution.FastCdf((from - centre) / sigma);
        for (var i = from; i < to; i++)
        {
            var above = NormalDistribution.FastCdf((i + 1 - centre) / sigma);
            shares.Add((float)(above - below));
            below = above;
        }
    }
}
