using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// A reflection's passage through the Ewald sphere as omega turns. With r(φ) = R(e, φ)·r₀, the diffraction
/// condition |s₀ + r|² = |s₀|² reads f(φ) = 2 s₀·r + |r|² = P + A cos(φ − ψ) = 0 (P = 2 s₀·r∥ + |r₀|², A and ψ from
/// the components of s₀ along r⊥ and e × r₀), and the excitation error is ε ≈ f·λ/2. So the reflection crosses
/// at φ = ψ ± acos(−P/A), and diffracts (|ε| ≤ cutoff·σ_ε) in up to two windows of omega, ψ + [x₁, x₂] and
/// ψ − [x₂, x₁], exact whatever the geometry (reflections near the rotation axis get long windows).
/// </summary>
internal readonly struct EwaldGeometry
{
    private EwaldGeometry(double p, double amplitude, double psi, double sigmaEpsilon, double x1, double x2, bool hasWindows)
    {
        P = p;
        Amplitude = amplitude;
        Psi = psi;
        SigmaEpsilon = sigmaEpsilon;
        X1 = x1;
        X2 = x2;
        HasWindows = hasWindows;
    }

    /// <summary>2 s₀·r∥ + |r₀|² (Å⁻²).</summary>
    public double P { get; }

    /// <summary>A (Å⁻²).</summary>
    public double Amplitude { get; }

    /// <summary>ψ (rad).</summary>
    public double Psi { get; }

    /// <summary>σ_ε (Å⁻¹).</summary>
    public double SigmaEpsilon { get; }

    /// <summary>The near edge of the windows' half-angle (rad).</summary>
    public double X1 { get; }

    /// <summary>The far edge (rad).</summary>
    public double X2 { get; }

    /// <summary>Whether the reflection ever comes within the cutoff of the sphere.</summary>
    public bool HasWindows { get; }

    /// <summary>Whether its centre actually crosses the sphere (twice per turn).</summary>
    public bool Crosses => Amplitude > 0 && Math.Abs(P) <= Amplitude;

    /// <summary>The half-angle of the crossings: they are at ψ ± this (rad).</summary>
    public double CrossingHalfAngle => Math.Acos(Math.Clamp(-P / Amplitude, -1, 1));

    /// <summary>|dε/dφ| at a crossing (Å⁻¹ per radian).</summary>
    public double Slope(double wavelength) => wavelength / 2 * Math.Sqrt(Math.Max(0, (Amplitude * Amplitude) - (P * P)));

    /// <summary>Window <paramref name="window"/> (0: ψ + [x₁, x₂]; 1: ψ − [x₂, x₁]) in degrees, unnormalised.</summary>
    public (double Begin, double End) Window(int window) => window == 0
        ? ((Psi + X1) * 180 / Math.PI, (Psi + X2) * 180 / Math.PI)
        : ((Psi - X2) * 180 / Math.PI, (Psi - X1) * 180 / Math.PI);

    /// <summary>The crossing inside window <paramref name="window"/> (degrees, unnormalised).</summary>
    public double CrossingDegrees(int window) => (Psi + (window == 0 ? CrossingHalfAngle : -CrossingHalfAngle)) * 180 / Math.PI;

    /// <summary>The geometry of the reflection at <paramref name="r0"/> (lab, omega 0) about unit <paramref name="axis"/>.</summary>
    public static EwaldGeometry Compute(Vector3D r0, Vector3D axis, Vector3D s0, double wavelength, ExcitationModel excitation)
    {
        var r2 = Vector3D.Dot(r0, r0);
        var along = Vector3D.Dot(axis, r0);
        var parallel = axis * along;
        var perpendicular = r0 - parallel;
        var p = (2 * Vector3D.Dot(s0, parallel)) + r2;
        var qc = 2 * Vector3D.Dot(s0, perpendicular);
        var qs = 2 * Vector3D.Dot(s0, Vector3D.Cross(axis, r0));
        var amplitude = Math.Sqrt((qc * qc) + (qs * qs));
        var psi = Math.Atan2(qs, qc);
        var sigma = excitation.SigmaEpsilon(Math.Sqrt(r2), wavelength);

        // |f| ≤ F ⇔ |ε| ≤ cutoff·σ_ε.
        var tolerance = 2 * ExcitationModel.Cutoff * sigma / wavelength;
        if (amplitude < 1e-12)
        {
            var always = Math.Abs(p) <= tolerance;
            return new EwaldGeometry(p, amplitude, 0, sigma, 0, Math.PI, always);
        }

        var cLow = Math.Max(-1, (-tolerance - p) / amplitude);
        var cHigh = Math.Min(1, (tolerance - p) / amplitude);
        return cLow > cHigh
            ? new EwaldGeometry(p, amplitude, psi, sigma, 0, 0, false)
            : new EwaldGeometry(p, amplitude, psi, sigma, Math.Acos(cHigh), Math.Acos(cLow), true);
    }
}
