namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>The recipe step's parameters that came with a set of results: the collection ids and whether the GPU made them.</summary>
/// <param name="Dcid">The ISPyB data collection id ("dcid").</param>
/// <param name="Dcgid">The ISPyB data collection group id ("dcgid").</param>
/// <param name="Gpu">Whether the GPU processing produced the results ("gpu").</param>
public sealed record ZocaloRecipeParameters(int Dcid, int Dcgid, bool Gpu = false)
{
    /// <summary>Which processing produced the results (dodal's source_from_results).</summary>
    public ZocaloSource Source => Gpu ? ZocaloSource.Gpu : ZocaloSource.Cpu;
}
