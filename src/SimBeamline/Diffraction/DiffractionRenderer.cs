using System.Numerics;
using Hyperion.Nexus.Geometry;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// Renders the Eiger frames the twin's crystal gives, in the lab frame the NXmx master file describes (beam along
/// +z, y up; see <see cref="DetectorGeometry"/> and <see cref="GoniometerGeometry"/>). Reflection h sits at
/// r = R(e, ω)·M·U·B·h (B in Å⁻¹ without 2π, M the smargon axes at omega 0, U the crystal's orientation), diffracts
/// when s₁ = s₀ + r has length 1/λ, and lands where <see cref="DetectorGeometry.Project"/> sends s₁ (moved to the
/// sensor's mean absorption depth, as DIALS expects). Bragg intensities follow the Darwin formula for the beam-
/// weighted crystal volume; the background is a smooth model of air, solvent and ice scatter; every pixel is a
/// Poisson draw. One renderer serves one crystal, detector and goniometer; it is safe to call from several threads
/// at once.
/// </summary>
public sealed class DiffractionRenderer
{
    /// <summary>
    /// Reflections whose excitation exp(−ε²/2σ_ε²) stays below this throughout the exposure are left off a frame
    /// (and its truth).
    /// </summary>
    public const double MinimumPartiality = 1e-3;

    /// <summary>The classical electron radius in Å.</summary>
    private const double ElectronRadius = 2.8179403262e-5;

    private static readonly Comparison<SpotPlan> ByFirstRow = (a, b) => a.Y0.CompareTo(b.Y0);

    private readonly Matrix3 _a0;
    private readonly Vector3D _axis;
    private readonly ExcitationModel _excitation;
    private readonly ulong _sampleKey;
    private readonly int _parallelism;
    private volatile WavelengthState? _state;

    /// <summary>
    /// A renderer for <paramref name="sample"/>'s crystal on <paramref name="detector"/> and
    /// <paramref name="goniometer"/>: builds (or takes from the cache) the crystal's reflection list.
    /// </summary>
    /// <param name="sample">The sample: its crystal and the seed of its orientation, intensities and noise.</param>
    /// <param name="detector">The detector.</param>
    /// <param name="goniometer">The goniometer.</param>
    /// <param name="options">Physics and threading settings (defaults when null).</param>
    /// <param name="orientation">U; null draws it as the sample does, <c>Crystal.Orientation(new Random(Seed))</c>.</param>
    /// <exception cref="SampleException">The crystal cannot be simulated (e.g. an unknown space group).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public DiffractionRenderer(SampleDefinition sample, DetectorGeometry detector, GoniometerGeometry goniometer, DiffractionOptions? options = null, Matrix3? orientation = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(goniometer);
        options ??= new DiffractionOptions();
        options.Validate();
        sample.Validate();
        if (detector.Width <= 0 || detector.Height <= 0 || !(detector.PixelSizeMm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(detector), $"{detector.Width} × {detector.Height} pixels of {detector.PixelSizeMm} mm", "the detector needs pixels of positive size");
        }

        Sample = sample;
        Detector = detector;
        Goniometer = goniometer;
        Options = options;
        Orientation = orientation ?? sample.Crystal.Orientation(new Random(sample.Seed));
        Reflections = ReflectionList.For(sample.Crystal, sample.Seed, options);
        Modules = EigerModuleLayout.For(detector.Width, detector.Height, options.ModuleGaps);
        var m = new Matrix3(
            goniometer.SamXAxis.X, goniometer.SamYAxis.X, goniometer.SamZAxis.X,
            goniometer.SamXAxis.Y, goniometer.SamYAxis.Y, goniometer.SamZAxis.Y,
            goniometer.SamXAxis.Z, goniometer.SamYAxis.Z, goniometer.SamZAxis.Z);
        _a0 = m * Orientation * sample.Crystal.UnitCell.ReciprocalBasis;
        _axis = goniometer.OmegaAxis.Normalized();
        _excitation = new ExcitationModel(sample.Crystal.MosaicityDegrees, options);
        _sampleKey = Xoshiro256.Key(0xD1FF_4AC7_10F0_0000UL, sample.Seed);
        _parallelism = options.MaxDegreeOfParallelism;
    }

    /// <summary>The sample.</summary>
    public SampleDefinition Sample { get; }

    /// <summary>The crystal.</summary>
    public CrystalDefinition Crystal => Sample.Crystal;

    /// <summary>The detector.</summary>
    public DetectorGeometry Detector { get; }

    /// <summary>The goniometer.</summary>
    public GoniometerGeometry Goniometer { get; }

    /// <summary>The settings.</summary>
    public DiffractionOptions Options { get; }

    /// <summary>U, the crystal's orientation in the smargon frame at omega 0.</summary>
    public Matrix3 Orientation { get; }

    /// <summary>M·U·B: the reciprocal-lattice vector (Å⁻¹, lab frame at omega 0) of h is this times h.</summary>
    public Matrix3 ReciprocalLatticeAtOmegaZero => _a0;

    /// <summary>The crystal's reflections (cached per crystal).</summary>
    public ReflectionList Reflections { get; }

    /// <summary>The detector's modules and gaps.</summary>
    public EigerModuleLayout Modules { get; }

    /// <summary>The reflection's excitation model (mosaic spread, divergence, bandpass).</summary>
    internal ExcitationModel Excitation => _excitation;

    /// <summary>The unit omega axis.</summary>
    internal Vector3D Axis => _axis;

    /// <summary>The pixels in a frame (width × height): the length a frame buffer must have.</summary>
    public int PixelCount => Detector.Width * Detector.Height;

    /// <summary>
    /// The reciprocal-lattice vector of <paramref name="index"/> in the lab (Å⁻¹) at omega
    /// <paramref name="omegaDegrees"/>: R(OmegaAxis, ω)·M·U·B·h.
    /// </summary>
    public Vector3D ReciprocalLatticeVector(MillerIndex index, double omegaDegrees) =>
        Goniometer.OmegaRotation(omegaDegrees) * (_a0 * new Vector3D(index.H, index.K, index.L));

    /// <summary>
    /// Works out what needs doing once per wavelength (each reflection's omega windows, the background grid):
    /// the first frame at a new wavelength does it otherwise (a few hundred ms for thaumatin).
    /// </summary>
    public void Prepare(double wavelengthAngstrom) => StateFor(wavelengthAngstrom);

    /// <summary>The reflections a frame would show and the crystal's illumination, without drawing pixels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field of <paramref name="request"/> cannot be rendered.</exception>
    public FrameTruth Predict(FrameRequest request) => Plan(request, paint: false).Truth;

    /// <summary>Renders the frame into <paramref name="frame"/> (row-major, slow by fast; counts saturate at 2³² − 1).</summary>
    /// <returns>The truth: the reflections on the frame and the crystal's illumination.</returns>
    /// <exception cref="FrameBufferSizeException"><paramref name="frame"/> is not <see cref="PixelCount"/> long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A field of <paramref name="request"/> cannot be rendered.</exception>
    public FrameTruth Render(FrameRequest request, Span<uint> frame) => RenderInto(request, frame);

    /// <summary>Renders the frame into a 16-bit buffer (counts saturate at 65535, as an Eiger's 16-bit mode does).</summary>
    /// <returns>The truth: the reflections on the frame and the crystal's illumination.</returns>
    /// <exception cref="FrameBufferSizeException"><paramref name="frame"/> is not <see cref="PixelCount"/> long.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A field of <paramref name="request"/> cannot be rendered.</exception>
    public FrameTruth Render(FrameRequest request, Span<ushort> frame) => RenderInto(request, frame);

    private FrameTruth RenderInto<T>(FrameRequest request, Span<T> frame)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        if (frame.Length != PixelCount)
        {
            throw new FrameBufferSizeException(PixelCount, frame.Length, Detector.Width, Detector.Height);
        }

        var plan = Plan(request, paint: true);
        FramePainter.Paint(frame, plan, Detector.Width, Detector.Height, Modules, _parallelism);
        return plan.Truth;
    }

    private WavelengthState StateFor(double wavelength)
    {
        var state = _state;
        if (state is not null && state.Wavelength == wavelength)
        {
            return state;
        }

        // Two threads meeting a new wavelength at once both build it; either result is the same.
        var s0 = BeamGeometry.Direction.Normalized() / wavelength;
        var mu = SensorAbsorption.AttenuationPerMm(Detector.SensorMaterial, BeamGeometry.HcKevAngstrom / wavelength);
        state = new WavelengthState(
            wavelength,
            new EwaldWindows(Reflections, _a0, _axis, s0, wavelength, _excitation, Detector),
            new BackgroundModel(Detector, wavelength, Options, mu, Modules),
            mu);
        _state = state;
        return state;
    }

    private FramePlan Plan(FrameRequest request, bool paint)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var wavelength = request.Beam.WavelengthAngstrom;
        var state = StateFor(wavelength);
        var omega = request.OmegaStartDegrees;
        var oscillation = request.OscillationDegrees;
        var still = request.IsStill;
        var (lo, hi) = oscillation >= 0 ? (omega, omega + oscillation) : (omega + oscillation, omega);

        // Illumination at mid-exposure: the crystal turns little in one frame.
        var crystal = Sample.Crystal;
        var volume = Illumination.PeakEquivalentVolume(crystal, Goniometer, request.StagePositionMm, (lo + hi) / 2, request.Beam, Options.BeamProfile, Options.IlluminationSamples);
        var crystalVolume = crystal.SizeMicrons.X * crystal.SizeMicrons.Y * crystal.SizeMicrons.Z;
        var incident = request.Beam.FluxPhotonsPerSecond * request.Transmission;

        // The Darwin formula's I₀·r_e²·λ³·V/V_cell²: a reflection rocked through the sphere at 1 rad/s gives this many
        // photons per e² of |F|² (before the Lorentz and polarisation factors). I₀·V, for a beam that varies across
        // the crystal, is the flux times the beam-weighted path through it (µm → Å).
        var weightedPath = volume / Illumination.PeakEquivalentArea(request.Beam, Options.BeamProfile) * 1e4;
        var cellVolume = crystal.UnitCell.Volume;
        var darwin = incident * weightedPath * ElectronRadius * ElectronRadius * wavelength * wavelength * wavelength / (cellVolume * cellVolume) * Options.IntensityScale;

        var frameKey = Xoshiro256.Key(_sampleKey, unchecked((long)request.Seed));
        var context = new FramePredictor(this, state, request, darwin, frameKey, paint);
        var scratch = FrameScratch.Take();
        var (codes, truth, spots, shares) = (scratch.Codes, scratch.Truth, scratch.Spots, scratch.Shares);
        state.Windows.Overlapping(lo, hi, codes);
        codes.Sort();
        var previous = -1;
        foreach (var code in codes)
        {
            var reflection = code >> 1;
            if (still)
            {
                // Both of a reflection's windows can hold a still's omega where they meet.
                if (reflection != previous)
                {
                    context.Still(reflection, truth, spots, shares);
                }
            }
            else
            {
                context.Rotation(reflection, code & 1, lo, hi, truth, spots, shares);
            }

            previous = reflection;
        }

        var exposurePhotons = incident * request.ExposureSeconds;
        spots.Sort(ByFirstRow);
        return new FramePlan(state.Background, exposurePhotons, spots, shares, frameKey, new FrameTruth([.. truth], volume, crystalVolume, state.Background.MeanCountsPerPhoton * exposurePhotons));
    }
}
