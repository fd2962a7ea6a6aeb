namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// The renderer's physics and performance settings. Spreads are full widths at half maximum of Gaussians, as is the
/// crystal's own mosaic spread (<c>CrystalDefinition.MosaicityDegrees</c>); DIALS's sigma_m is the standard
/// deviation, FWHM/2.355. The defaults give I03-like frames: for the thaumatin sample, a 4 ms still at
/// 10¹² photons/s shows a few hundred spots on an Eiger 16M at 250 mm over a background of a few hundredths of a
/// count per pixel.
/// </summary>
public sealed record DiffractionOptions
{
    /// <summary>Wilson B in Å²: mean intensities fall as exp(−2B sin²θ/λ²) = exp(−B/(2d²)).</summary>
    public double WilsonB { get; init; } = 20;

    /// <summary>The crystal's solvent fraction: the rest of the cell is protein, ~1 non-hydrogen atom per 17 Å³, which sets Σf² per cell.</summary>
    public double SolventFraction { get; init; } = 0.5;

    /// <summary>A factor on every Bragg intensity (1: the kinematic estimate from the Darwin formula).</summary>
    public double IntensityScale { get; init; } = 1;

    /// <summary>The beam's angular divergence (full width at half maximum, degrees), added in quadrature to the mosaic spread.</summary>
    public double BeamDivergenceDegrees { get; init; } = 0.02;

    /// <summary>The beam's relative bandpass Δλ/λ (full width at half maximum; a Si(111) monochromator: ~1.4 × 10⁻⁴).</summary>
    public double Bandpass { get; init; } = 2e-4;

    /// <summary>The fraction of the beam polarised horizontally (along lab x).</summary>
    public double PolarizationFraction { get; init; } = 0.99;

    /// <summary>The beam's profile across x and y.</summary>
    public BeamProfile BeamProfile { get; init; } = BeamProfile.Gaussian;

    /// <summary>
    /// A spot's intrinsic width (standard deviation, pixels) before the angular spreads widen it: the crystal's
    /// projected size and the detector's point-spread.
    /// </summary>
    public double SpotSigmaPixels { get; init; } = 0.5;

    /// <summary>Air scatter at zero angle, as a fraction of the incident photons per steradian; it falls as 1/(1 + (q/q₀)²) with q = 1/d.</summary>
    public double AirScatterPerSteradian { get; init; } = 2.5e-4;

    /// <summary>q₀ of the air scatter (Å⁻¹, q = 1/d).</summary>
    public double AirScatterWidthInverseAngstrom { get; init; } = 0.12;

    /// <summary>The peak of the water (solvent and vitreous ice) ring, as a fraction of the incident photons per steradian.</summary>
    public double WaterRingPerSteradian { get; init; } = 2.5e-4;

    /// <summary>Where the water ring peaks (Å).</summary>
    public double WaterRingDSpacing { get; init; } = 3.7;

    /// <summary>The water ring's width (standard deviation in q = 1/d, Å⁻¹).</summary>
    public double WaterRingWidthInverseAngstrom { get; init; } = 0.035;

    /// <summary>A flat floor under all scatter (fraction of the incident photons per steradian).</summary>
    public double BackgroundFloorPerSteradian { get; init; } = 2e-5;

    /// <summary>
    /// Whether spots land where a photon absorbed at the sensor's mean depth registers (the offset DIALS's
    /// parallax correction takes out for a Si or CdTe sensor of the detector's thickness).
    /// </summary>
    public bool Parallax { get; init; } = true;

    /// <summary>Whether Eiger module gaps (1028 × 512-pixel modules, 12- and 38-pixel gaps) read 0, when the detector's size is a whole number of modules.</summary>
    public bool ModuleGaps { get; init; } = true;

    /// <summary>Sample points per axis of the crystal box for the illuminated volume (the integral is the midpoint rule).</summary>
    public int IlluminationSamples { get; init; } = 12;

    /// <summary>How many threads one frame may use (−1: all cores). A caller rendering several frames at once may set 1.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first setting that cannot be simulated.</summary>
    public void Validate()
    {
        Check(WilsonB, nameof(WilsonB), -10, 500);
        Check(SolventFraction, nameof(SolventFraction), 0, 0.99);
        Check(IntensityScale, nameof(IntensityScale), 0, 1e12);
        Check(BeamDivergenceDegrees, nameof(BeamDivergenceDegrees), 0, 5);
        Check(Bandpass, nameof(Bandpass), 0, 0.1);
        Check(PolarizationFraction, nameof(PolarizationFraction), 0, 1);
        Check(SpotSigmaPixels, nameof(SpotSigmaPixels), 0.05, 50);
        Check(AirScatterPerSteradian, nameof(AirScatterPerSteradian), 0, 1);
        Check(AirScatterWidthInverseAngstrom, nameof(AirScatterWidthInverseAngstrom), 1e-4, 10);
        Check(WaterRingPerSteradian, nameof(WaterRingPerSteradian), 0, 1);
        Check(WaterRingDSpacing, nameof(WaterRingDSpacing), 0.5, 100);
        Check(WaterRingWidthInverseAngstrom, nameof(WaterRingWidthInverseAngstrom), 1e-4, 10);
        Check(BackgroundFloorPerSteradian, nameof(BackgroundFloorPerSteradian), 0, 1);
        Check(IlluminationSamples, nameof(IlluminationSamples), 1, 200);
        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "must be −1 (all cores) or a positive number of threads");
        }

        if (!Enum.IsDefined(BeamProfile))
        {
            throw new ArgumentOutOfRangeException(nameof(BeamProfile), BeamProfile, "is not a known beam profile");
        }
    }

    private static void Check(double value, string name, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}");
        }
    }
}
