using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Optics;

/// <summary>The beamstop positions Hyperion knows (dodal's BeamstopPositions).</summary>
public enum BeamstopPositions
{
    /// <summary>In the beam for data collection.</summary>
    [EnumLabel("Data Collection")]
    DataCollection,

    /// <summary>Anywhere else.</summary>
    [EnumLabel("Unknown")]
    Unknown,
}
