using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>dodal's EnabledDisabledUpper: the undulator's gap-access labels.</summary>
public enum EnabledDisabledUpper
{
    /// <summary>The beamline may move the gap.</summary>
    [EnumLabel("ENABLED")]
    Enabled,

    /// <summary>The machine has the gap; the beamline may not move it.</summary>
    [EnumLabel("DISABLED")]
    Disabled,
}
