namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>Which processing produced a set of results (dodal's ZocaloSource): recipe parameter "gpu" true means GPU.</summary>
public enum ZocaloSource
{
    /// <summary>The CPU processing.</summary>
    Cpu,

    /// <summary>The GPU processing.</summary>
    Gpu,
}
