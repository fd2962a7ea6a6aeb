using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Aperture;

/// <summary>
/// The aperture-scatterguard's named positions (dodal's ApertureValue). Changing these changes Hyperion's external
/// parameter model.
/// </summary>
public enum ApertureValue
{
    /// <summary>The small aperture.</summary>
    [EnumLabel("SMALL_APERTURE")]
    Small,

    /// <summary>The medium aperture.</summary>
    [EnumLabel("MEDIUM_APERTURE")]
    Medium,

    /// <summary>The large aperture.</summary>
    [EnumLabel("LARGE_APERTURE")]
    Large,

    /// <summary>Out of the beam (the robot-load position).</summary>
    [EnumLabel("Out of beam")]
    OutOfBeam,

    /// <summary>Parked under the collimation table for manual load.</summary>
    [EnumLabel("Parked")]
    Parked,

    /// <summary>A transient position for a scintillator move, not defined by a single location.</summary>
    [EnumLabel("Scintillator Move")]
    ScinMove,
}
