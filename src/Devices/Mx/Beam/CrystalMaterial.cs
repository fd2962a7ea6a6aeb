namespace Hyperion.Devices.Mx.Beam;

/// <summary>A monochromator crystal material and its lattice parameter (dodal's MaterialsEnum).</summary>
/// <param name="Name">The material's name, as the crystal metadata's type.</param>
/// <param name="LatticeParameterM">The lattice parameter in metres.</param>
public sealed record CrystalMaterial(string Name, double LatticeParameterM)
{
    /// <summary>Silicon.</summary>
    public static CrystalMaterial Si { get; } = new("silicon", 5.4310205e-10);

    /// <summary>Germanium.</summary>
    public static CrystalMaterial Ge { get; } = new("germanium", 5.6575e-10);
}
