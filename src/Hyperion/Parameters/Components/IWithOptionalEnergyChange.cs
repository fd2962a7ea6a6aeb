namespace Hyperion.Cli.Parameters;

/// <summary>An optional beam energy to move to first (mx-bluesky's WithOptionalEnergyChange).</summary>
public interface IWithOptionalEnergyChange
{
    /// <summary>The energy in eV (<c>demand_energy_ev</c>; above 0), or null to keep the current energy.</summary>
    double? DemandEnergyEv { get; }
}
