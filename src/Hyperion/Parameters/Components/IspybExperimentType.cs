using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>ISPyB's experiment types (the DataCollection column's values), by their ISPyB spelling. mx-bluesky's aliases
/// ROTATION and GRIDSCAN_3D are <see cref="Sad"/> and <see cref="Mesh3D"/>.</summary>
public enum IspybExperimentType
{
    /// <summary><c>SAD</c>: at or slightly above the peak (also Hyperion's rotation type).</summary>
    [JsonStringEnumMemberName("SAD")]
    Sad,

    /// <summary><c>SAD - Inverse Beam</c>.</summary>
    [JsonStringEnumMemberName("SAD - Inverse Beam")]
    SadInverseBeam,

    /// <summary><c>OSC</c>: "native" (in the absence of a heavy atom).</summary>
    [JsonStringEnumMemberName("OSC")]
    Osc,

    /// <summary><c>Collect - Multiwedge</c>.</summary>
    [JsonStringEnumMemberName("Collect - Multiwedge")]
    CollectMultiwedge,

    /// <summary><c>MAD</c>.</summary>
    [JsonStringEnumMemberName("MAD")]
    Mad,

    /// <summary><c>Helical</c>.</summary>
    [JsonStringEnumMemberName("Helical")]
    Helical,

    /// <summary><c>Multi-positional</c>.</summary>
    [JsonStringEnumMemberName("Multi-positional")]
    MultiPositional,

    /// <summary><c>Mesh</c>.</summary>
    [JsonStringEnumMemberName("Mesh")]
    Mesh,

    /// <summary><c>Burn</c>.</summary>
    [JsonStringEnumMemberName("Burn")]
    Burn,

    /// <summary><c>MAD - Inverse Beam</c>.</summary>
    [JsonStringEnumMemberName("MAD - Inverse Beam")]
    MadInverseBeam,

    /// <summary><c>Characterization</c>.</summary>
    [JsonStringEnumMemberName("Characterization")]
    Characterization,

    /// <summary><c>Dehydration</c>.</summary>
    [JsonStringEnumMemberName("Dehydration")]
    Dehydration,

    /// <summary><c>tomo</c>.</summary>
    [JsonStringEnumMemberName("tomo")]
    Tomo,

    /// <summary><c>experiment</c>.</summary>
    [JsonStringEnumMemberName("experiment")]
    Experiment,

    /// <summary><c>EM</c>.</summary>
    [JsonStringEnumMemberName("EM")]
    Em,

    /// <summary><c>PDF</c>.</summary>
    [JsonStringEnumMemberName("PDF")]
    Pdf,

    /// <summary><c>PDF+Bragg</c>.</summary>
    [JsonStringEnumMemberName("PDF+Bragg")]
    PdfBragg,

    /// <summary><c>Bragg</c>.</summary>
    [JsonStringEnumMemberName("Bragg")]
    Bragg,

    /// <summary><c>single particle</c>.</summary>
    [JsonStringEnumMemberName("single particle")]
    SingleParticle,

    /// <summary><c>Serial Fixed</c>.</summary>
    [JsonStringEnumMemberName("Serial Fixed")]
    SerialFixed,

    /// <summary><c>Serial Jet</c>.</summary>
    [JsonStringEnumMemberName("Serial Jet")]
    SerialJet,

    /// <summary><c>Standard</c>: routine structure determination.</summary>
    [JsonStringEnumMemberName("Standard")]
    Standard,

    /// <summary><c>Time Resolved</c>: investigates the change of a system over time.</summary>
    [JsonStringEnumMemberName("Time Resolved")]
    TimeResolved,

    /// <summary><c>Diamond Anvil High Pressure</c>: a high-pressure sample environment cell.</summary>
    [JsonStringEnumMemberName("Diamond Anvil High Pressure")]
    DlsAnvilHp,

    /// <summary><c>Custom</c>: a special or non-standard data collection.</summary>
    [JsonStringEnumMemberName("Custom")]
    Custom,

    /// <summary><c>XRF map</c>.</summary>
    [JsonStringEnumMemberName("XRF map")]
    XrfMap,

    /// <summary><c>Energy scan</c>.</summary>
    [JsonStringEnumMemberName("Energy scan")]
    EnergyScan,

    /// <summary><c>XRF spectrum</c>.</summary>
    [JsonStringEnumMemberName("XRF spectrum")]
    XrfSpectrum,

    /// <summary><c>XRF map xas</c>.</summary>
    [JsonStringEnumMemberName("XRF map xas")]
    XrfMapXas,

    /// <summary><c>Mesh3D</c>: also Hyperion's 3D grid scan type.</summary>
    [JsonStringEnumMemberName("Mesh3D")]
    Mesh3D,

    /// <summary><c>Screening</c>.</summary>
    [JsonStringEnumMemberName("Screening")]
    Screening,

    /// <summary><c>Still</c>.</summary>
    [JsonStringEnumMemberName("Still")]
    Still,

    /// <summary><c>SSX-Chip</c>.</summary>
    [JsonStringEnumMemberName("SSX-Chip")]
    SsxChip,

    /// <summary><c>SSX-Jet</c>.</summary>
    [JsonStringEnumMemberName("SSX-Jet")]
    SsxJet,

    /// <summary><c>Metal ID</c>.</summary>
    [JsonStringEnumMemberName("Metal ID")]
    MetalId,

    /// <summary><c>mesh</c>: Hyperion's 2D grid scan type (lower case, unlike Mesh).</summary>
    [JsonStringEnumMemberName("mesh")]
    Gridscan2D,
}
