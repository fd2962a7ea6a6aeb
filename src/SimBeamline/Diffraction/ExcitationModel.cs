namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// How far from the Ewald sphere a reflection still diffracts. Each reciprocal-lattice point is a Gaussian blob
/// whose spread across the sphere, σ_ε (Å⁻¹), combines the mosaic spread and the beam divergence (angular:
/// |r|·cos θ per radian) with the bandpass (|r|²·λ/2 per unit Δλ/λ), in quadrature. All three are given as full
/// widths at half maximum (the crystal's mosaic spread too) and turned into standard deviations here, so DIALS
/// refines a sigma_m of about FWHM/2.355. A still records the fraction exp(−ε²/2σ_ε²) of the blob's peak; a
/// rotation sweeps the blob through the sphere in σ_φ = σ_ε / |dε/dφ| (for the angular terms alone, DIALS's
/// σ_m/|ζ|).
/// </summary>
internal sealed class ExcitationModel
{
    /// <summary>
    /// How many σ_ε from the sphere a reflection is still considered: a little beyond where its excitation falls
    /// to <see cref="DiffractionRenderer.MinimumPartiality"/> (√(2 ln 1000) ≈ 3.72).
    /// </summary>
    public const double Cutoff = 3.8;

    private const double FwhmPerSigma = 2.3548200450309493;

    private const double FloorInverseAngstrom = 1e-7;

    public ExcitationModel(double mosaicityDegrees, DiffractionOptions options)
    {
        var mosaic = mosaicityDegrees / FwhmPerSigma * Math.PI / 180;
        var divergence = options.BeamDivergenceDegrees / FwhmPerSigma * Math.PI / 180;
        AngularVariance = (mosaic * mosaic) + (divergence * divergence);
        MosaicRadians = mosaic;
        DivergenceRadians = divergence;
        BandpassSigma = options.Bandpass / FwhmPerSigma;
    }

    /// <summary>σ_η² + σ_δ² (rad²).</summary>
    public double AngularVariance { get; }

    /// <summary>σ_η (rad).</summary>
    public double MosaicRadians { get; }

    /// <summary>σ_δ (rad).</summary>
    public double DivergenceRadians { get; }

    /// <summary>The standard deviation of Δλ/λ.</summary>
    public double BandpassSigma { get; }

    /// <summary>σ_ε (Å⁻¹) of a reflection at |r| = <paramref name="r"/> Å⁻¹ and wavelength <paramref name="wavelength"/> Å.</summary>
    public double SigmaEpsilon(double r, double wavelength)
    {
        var sinTheta = Math.Min(1, r * wavelength / 2);
        var cosSquared = 1 - (sinTheta * sinTheta);
        var bandpass = r * r * wavelength / 2 * BandpassSigma;
        return Math.Sqrt((r * r * cosSquared * AngularVariance) + (bandpass * bandpass) + (FloorInverseAngstrom * FloorInverseAngstrom));
    }
}
