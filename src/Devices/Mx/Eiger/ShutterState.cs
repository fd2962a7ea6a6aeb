using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Eiger;

/// <summary>The detector shutter's demand (dodal's detector_motion ShutterState), written as its label.</summary>
public enum ShutterState
{
    /// <summary>"Closed".</summary>
    [EnumLabel("Closed")]
    Closed,

    /// <summary>"Open".</summary>
    [EnumLabel("Open")]
    Open,
}
