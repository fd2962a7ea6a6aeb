using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Mx.Sample;

/// <summary>Which cooler the gantry has selected (dodal's CryoStreamSelection).</summary>
public enum CryoStreamSelection
{
    /// <summary>The cryojet.</summary>
    [EnumLabel("CryoJet")]
    CryoJet,

    /// <summary>The HC1 humidity controller.</summary>
    [EnumLabel("HC1")]
    Hc1,
}
