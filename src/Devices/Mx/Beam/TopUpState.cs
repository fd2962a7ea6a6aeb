using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>The top-up process's state (dodal's TopUpState); top-up is active only while Running or Stopping.</summary>
public enum TopUpState
{
    /// <summary>Off.</summary>
    [EnumLabel("Off")]
    Off,

    /// <summary>Running.</summary>
    [EnumLabel("Running")]
    Running,

    /// <summary>Stopping.</summary>
    [EnumLabel("Stopping")]
    Stopping,

    /// <summary>Failed.</summary>
    [EnumLabel("Failed")]
    Failed,

    /// <summary>No process.</summary>
    [EnumLabel("No process")]
    NoProcess,
}
