using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>The XBPM feedback's pause control (dodal's Pause).</summary>
public enum Pause
{
    /// <summary>Feedback paused (0).</summary>
    [EnumLabel("Paused")]
    Pause,

    /// <summary>Feedback may run (1).</summary>
    [EnumLabel("Ok to Run")]
    Run,
}
