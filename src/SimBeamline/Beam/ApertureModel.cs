using Hyperion.Devices.Mx.Aperture;

namespace Hyperion.SimBeamline.Beam;

/// <summary>
/// The mini-aperture's effect on the beam, from its axes' positions: dodal's positions (the beamline parameters'
/// miniap_* keys) recognised as dodal recognises them (y and z within their tolerances), each hole passing the
/// share of the flux the beamline parameters' flux_factor_*_APERTURE give (0.738, 0.36 and 0.084 for the 100, 50 and
/// 20 µm holes on i03). Out of the beam (ROBOT_LOAD) and parked (MANUAL_LOAD) the assembly is clear of the beam, so
/// the whole beam passes; anywhere else (between holes, or a hole moved off the beam in x by more than its radius)
/// the aperture block stops it.
/// </summary>
public sealed class ApertureModel
{
    private static readonly ApertureValue[] Holes = [ApertureValue.Large, ApertureValue.Medium, ApertureValue.Small];
    private readonly Dictionary<ApertureValue, double> _fluxFactors = [];

    /// <summary>The model for the positions, tolerances and flux factors in <paramref name="parameters"/>.</summary>
    public ApertureModel(BeamlineParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Configuration = ApertureScatterguardConfiguration.Load(parameters);
        Tolerances = AperturePosition.TolerancesFromGdaParams(parameters);
        foreach (var hole in Holes)
        {
            var key = $"flux_factor_{hole.ToString().ToUpperInvariant()}_APERTURE";
            var diameter = Configuration.AperturePositions[hole].Diameter;

            // Without a measured factor, the share of the largest hole's area.
            _fluxFactors[hole] = !parameters.Parameters.ContainsKey(key) ? Math.Min(1, diameter * diameter / (100.0 * 100.0)) : parameters.GetDouble(key);
        }
    }

    /// <summary>The positions.</summary>
    public ApertureScatterguardConfiguration Configuration { get; }

    /// <summary>How far from a position the axes may be and still be there.</summary>
    public AperturePosition Tolerances { get; }

    /// <summary>The share of the unapertured flux that passes <paramref name="hole"/> (a hole position).</summary>
    public double FluxFactor(ApertureValue hole) => _fluxFactors.TryGetValue(hole, out var factor)
        ? factor
        : throw new ArgumentOutOfRangeException(nameof(hole), hole, "not one of the aperture's holes");

    /// <summary>True when the aperture's y and z are within tolerance of <paramref name="value"/>'s (dodal's test).</summary>
    public bool IsAt(ApertureValue value, double apertureY, double apertureZ) =>
        Configuration.AperturePositions.TryGetValue(value, out var position)
        && Math.Abs(apertureY - position.ApertureY) <= Tolerances.ApertureY
        && Math.Abs(apertureZ - position.ApertureZ) <= Tolerances.ApertureZ;

    /// <summary>What the aperture does to the beam with its axes at <paramref name="apertureX"/>, <paramref name="apertureY"/>, <paramref name="apertureZ"/> (mm).</summary>
    public ApertureState StateAt(double apertureX, double apertureY, double apertureZ)
    {
        foreach (var hole in Holes)
        {
            if (!IsAt(hole, apertureY, apertureZ))
            {
                continue;
            }

            var position = Configuration.AperturePositions[hole];

            // A hole moved sideways by more than its radius no longer lets the beam through.
            var offCentreMicrons = Math.Abs(apertureX - position.ApertureX) * 1000;
            return offCentreMicrons > position.Diameter / 2
                ? new ApertureState(null, position.Diameter, 0)
                : new ApertureState(hole, position.Diameter, FluxFactor(hole));
        }

        foreach (var clear in new[] { ApertureValue.OutOfBeam, ApertureValue.Parked })
        {
            if (IsAt(clear, apertureY, apertureZ))
            {
                return new ApertureState(clear, double.PositiveInfinity, 1);
            }
        }

        return new ApertureState(null, 0, 0);
    }
}
