using System.Globalization;

namespace Hyperion.Devices.Beamlines;

/// <summary>
/// The PV prefixes of a beamline, worked out from its name as dodal's BeamlinePrefix does: "i03" gives BL03I,
/// SR03I and FE03I; "s03" (the simulated beamline) gives BL03S, SR03S and FE03S.
/// </summary>
public sealed record BeamlinePrefixes
{
    /// <summary>Works out the prefixes of <paramref name="name"/> (e.g. i03, s03).</summary>
    /// <exception cref="ArgumentException">The name is not a letter followed by two digits.</exception>
    public BeamlinePrefixes(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length != 3 || !char.IsLetter(name[0]) || !char.IsDigit(name[1]) || !char.IsDigit(name[2]))
        {
            throw new ArgumentException($"'{name}' is not a beamline name like i03 or s03.", nameof(name));
        }

        Name = name.ToLowerInvariant();
        var number = name[1..3];
        var suffix = char.ToUpperInvariant(name[0]).ToString(CultureInfo.InvariantCulture);
        Beamline = $"BL{number}{suffix}";
        Insertion = $"SR{number}{suffix}";
        Frontend = $"FE{number}{suffix}";
    }

    /// <summary>The beamline's name, lower case.</summary>
    public string Name { get; }

    /// <summary>The beamline prefix, e.g. BL03I.</summary>
    public string Beamline { get; }

    /// <summary>The insertion-device prefix, e.g. SR03I.</summary>
    public string Insertion { get; }

    /// <summary>The front-end prefix, e.g. FE03I.</summary>
    public string Frontend { get; }

    /// <summary>Whether this is a simulated beamline (s03): dodal's S prefix.</summary>
    public bool IsSimulated => Name.StartsWith('s');
}
