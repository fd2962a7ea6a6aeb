using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Beam;

/// <summary>A DCM crystal that does not move (dodal's StationaryCrystal): no signals.</summary>
public sealed class StationaryCrystal : StandardReadable
{
    /// <summary>Creates the crystal; <paramref name="prefix"/> is unused, as in dodal.</summary>
    public StationaryCrystal(string prefix, string name = "")
        : base(name)
    {
        _ = prefix;
    }
}
