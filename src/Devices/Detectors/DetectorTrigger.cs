using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Detectors;

/// <summary>How a detector's exposures are started (ophyd-async's DetectorTrigger).</summary>
public enum DetectorTrigger
{
    /// <summary>The detector times its own exposures.</summary>
    [EnumLabel("internal")]
    Internal,

    /// <summary>Each rising edge starts an exposure of the programmed length.</summary>
    [EnumLabel("edge_trigger")]
    EdgeTrigger,

    /// <summary>Exposes while the gate is high; gates all the same length.</summary>
    [EnumLabel("constant_gate")]
    ConstantGate,

    /// <summary>Exposes while the gate is high; gates of any length.</summary>
    [EnumLabel("variable_gate")]
    VariableGate,
}
