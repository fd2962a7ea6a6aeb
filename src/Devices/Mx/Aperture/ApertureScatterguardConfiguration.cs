namespace Hyperion.Devices.Mx.Aperture;

/// <summary>
/// The aperture-scatterguard's positions (dodal's ApertureScatterguardConfiguration): one per settable
/// <see cref="ApertureValue"/>, and the x positions of the scintillator-move position.
/// </summary>
/// <param name="AperturePositions">The positions by value (SCIN_MOVE has none).</param>
/// <param name="ScintillatorMoveApertureX">Aperture x for a scintillator move.</param>
/// <param name="ScintillatorMoveScatterguardX">Scatterguard x for a scintillator move.</param>
public sealed record ApertureScatterguardConfiguration(
    IReadOnlyDictionary<ApertureValue, AperturePosition> AperturePositions,
    double ScintillatorMoveApertureX,
    double ScintillatorMoveScatterguardX)
{
    /// <summary>
    /// dodal's load_configuration: OUT_OF_BEAM from ROBOT_LOAD, SMALL/MEDIUM/LARGE from the *_APERTURE keys
    /// (20, 50, 100 µm), PARKED from MANUAL_LOAD; out of beam and parked have an infinite diameter.
    /// </summary>
    public static ApertureScatterguardConfiguration Load(BeamlineParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new ApertureScatterguardConfiguration(
            new Dictionary<ApertureValue, AperturePosition>
            {
                [ApertureValue.OutOfBeam] = AperturePosition.FromGdaParams("ROBOT_LOAD", double.PositiveInfinity, parameters),
                [ApertureValue.Small] = AperturePosition.FromGdaParams("SMALL_APERTURE", 20, parameters),
                [ApertureValue.Medium] = AperturePosition.FromGdaParams("MEDIUM_APERTURE", 50, parameters),
                [ApertureValue.Large] = AperturePosition.FromGdaParams("LARGE_APERTURE", 100, parameters),
                [ApertureValue.Parked] = AperturePosition.FromGdaParams("MANUAL_LOAD", double.PositiveInfinity, parameters),
            },
            parameters.GetDouble("miniap_x_SCIN_MOVE"),
            parameters.GetDouble("sg_x_SCIN_MOVE"));
    }
}
