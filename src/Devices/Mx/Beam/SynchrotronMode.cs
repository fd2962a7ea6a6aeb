using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>The machine mode (dodal's SynchrotronMode), as CS-CS-MSTAT-01:MODE labels it.</summary>
public enum SynchrotronMode
{
    /// <summary>Shutdown.</summary>
    [EnumLabel("Shutdown")]
    Shutdown,

    /// <summary>Injection.</summary>
    [EnumLabel("Injection")]
    Injection,

    /// <summary>No beam.</summary>
    [EnumLabel("No Beam")]
    NoBeam,

    /// <summary>Machine development.</summary>
    [EnumLabel("Mach. Dev.")]
    Dev,

    /// <summary>User beam.</summary>
    [EnumLabel("User")]
    User,

    /// <summary>Special.</summary>
    [EnumLabel("Special")]
    Special,

    /// <summary>Beamline startup.</summary>
    [EnumLabel("BL Startup")]
    Startup,

    /// <summary>Unknown.</summary>
    [EnumLabel("Unknown")]
    Unknown,
}
