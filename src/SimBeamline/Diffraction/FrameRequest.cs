using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// One detector frame to render: where the smargon and omega are, how long the detector counts, the beam, and the
/// seed of the frame's noise (the same request renders the same bytes).
/// </summary>
public sealed record FrameRequest
{
    /// <summary>The smargon's x, y, z readings in mm (the goniometer frame at omega 0).</summary>
    public required Vector3D StagePositionMm { get; init; }

    /// <summary>Omega at the start of the exposure, degrees.</summary>
    public double OmegaStartDegrees { get; init; }

    /// <summary>How far omega turns during the exposure, degrees: 0 for a still (a grid-scan frame); negative for a rotation the other way.</summary>
    public double OscillationDegrees { get; init; }

    /// <summary>The exposure (count) time in seconds.</summary>
    public double ExposureSeconds { get; init; } = 0.004;

    /// <summary>The beam at the sample: wavelength, full flux and size.</summary>
    public required BeamGeometry Beam { get; init; }

    /// <summary>The attenuator's transmission (0 to 1), applied to the beam's flux.</summary>
    public double Transmission { get; init; } = 1;

    /// <summary>The frame's noise seed: e.g. the image number within a collection.</summary>
    public ulong Seed { get; init; }

    /// <summary>Whether this is a still (no rotation during the exposure).</summary>
    public bool IsStill => OscillationDegrees == 0;

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> naming the first field that cannot be rendered.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Beam, nameof(Beam));
        Finite(StagePositionMm.X, "StagePositionMm.X");
        Finite(StagePositionMm.Y, "StagePositionMm.Y");
        Finite(StagePositionMm.Z, "StagePositionMm.Z");
        Finite(OmegaStartDegrees, nameof(OmegaStartDegrees));
        if (!double.IsFinite(OscillationDegrees) || Math.Abs(OscillationDegrees) > 360)
        {
            throw new ArgumentOutOfRangeException(nameof(OscillationDegrees), OscillationDegrees, "must be between −360 and 360 degrees");
        }

        if (!double.IsFinite(ExposureSeconds) || ExposureSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ExposureSeconds), ExposureSeconds, "must be a non-negative time in seconds");
        }

        if (!double.IsFinite(Transmission) || Transmission < 0 || Transmission > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Transmission), Transmission, "must be between 0 and 1");
        }

        if (!double.IsFinite(Beam.WavelengthAngstrom) || Beam.WavelengthAngstrom < 0.1 || Beam.WavelengthAngstrom > 10)
        {
            throw new ArgumentOutOfRangeException("Beam.WavelengthAngstrom", Beam.WavelengthAngstrom, "must be between 0.1 and 10 Å");
        }

        if (!double.IsFinite(Beam.FluxPhotonsPerSecond) || Beam.FluxPhotonsPerSecond < 0)
        {
            throw new ArgumentOutOfRangeException("Beam.FluxPhotonsPerSecond", Beam.FluxPhotonsPerSecond, "must be a non-negative flux");
        }

        if (!double.IsFinite(Beam.SizeXMicrons) || Beam.SizeXMicrons <= 0 || !double.IsFinite(Beam.SizeYMicrons) || Beam.SizeYMicrons <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Beam), $"{Beam.SizeXMicrons} × {Beam.SizeYMicrons} µm", "the beam's size must be positive");
        }
    }

    private static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be finite");
        }
    }
}
