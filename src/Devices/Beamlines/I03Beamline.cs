using Hyperion.Devices.Motors;

namespace Hyperion.Devices.Beamlines;

/// <summary>
/// The i03 beamline as dodal defines it (src/dodal/beamlines/i03.py), and s03, its simulated twin with the BL03S and
/// SR03S prefixes. Devices are named after dodal's factories and built with dodal's prefixes.
/// </summary>
public static class I03Beamline
{
    /// <summary>
    /// The beamline <paramref name="name"/> (i03 or s03; default $BEAMLINE, else i03 as in dodal's newest i03.py),
    /// its configuration files at <paramref name="configuration"/> (default: Diamond's paths).
    /// </summary>
    /// <exception cref="ArgumentException">The name is neither i03 nor s03.</exception>
    public static Beamline Create(string? name = null, BeamlineConfiguration? configuration = null)
    {
        name ??= Environment.GetEnvironmentVariable("BEAMLINE") ?? "i03";
        if (name is not ("i03" or "s03"))
        {
            throw new ArgumentException($"'{name}' is not i03 or s03: these are the beamlines defined here.", nameof(name));
        }

        return new Beamline(name, Factories(), configuration);
    }

    private static IEnumerable<DeviceFactory> Factories()
    {
        yield return new("lower_gonio", b => new XyzStage($"{b.Prefixes.Beamline}-MO-GONP-01:"));
    }
}
