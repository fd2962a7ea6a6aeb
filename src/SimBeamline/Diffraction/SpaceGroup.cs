using System.Collections.Concurrent;
using System.Collections.Frozen;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// One of the 65 chiral (Sohncke) space groups, the only ones a protein crystal can take, in its standard setting
/// (monoclinic b-unique, rhombohedral on hexagonal axes). The group is closed from a few generators (taken from
/// the International Tables, checked against cctbx's sgtbx); from its operations follow the systematic absences
/// (every screw axis, glide-free centring and their combinations, by the general rule: h is absent when an
/// operation (R, t) with h·R = h shifts its phase, h·t ∉ ℤ), the centric reflections and which reflections are
/// symmetry equivalents (the Laue group, Friedel pairs included).
/// </summary>
public sealed class SpaceGroup
{
    private static readonly (int Number, string Symbol, string Generators, string[] Aliases)[] Table =
    [
        (1, "P1", string.Empty, []),
        (3, "P2", "-x,y,-z", ["P121"]),
        (4, "P21", "-x,y+1/2,-z", ["P1211"]),
        (5, "C2", "x+1/2,y+1/2,z;-x,y,-z", ["C121"]),
        (16, "P222", "x,-y,-z;-x,y,-z", []),
        (17, "P2221", "x,-y,-z;-x,y,-z+1/2", []),
        (18, "P21212", "x+1/2,-y+1/2,-z;-x+1/2,y+1/2,-z", []),
        (19, "P212121", "x+1/2,-y+1/2,-z;-x,y+1/2,-z+1/2", []),
        (20, "C2221", "x+1/2,y+1/2,z;x,-y,-z;-x,y,-z+1/2", []),
        (21, "C222", "x+1/2,y+1/2,z;x,-y,-z;-x,y,-z", []),
        (22, "F222", "x+1/2,y,z+1/2;x+1/2,y+1/2,z;x,-y,-z;-x,y,-z", []),
        (23, "I222", "x+1/2,y+1/2,z+1/2;x,-y,-z;-x,y,-z", []),
        (24, "I212121", "x+1/2,y+1/2,z+1/2;x,-y,-z+1/2;-x+1/2,y,-z", []),
        (75, "P4", "-y,x,z", []),
        (76, "P41", "-y,x,z+1/4", []),
        (77, "P42", "-y,x,z+1/2", []),
        (78, "P43", "-y,x,z+3/4", []),
        (79, "I4", "x+1/2,y+1/2,z+1/2;-y,x,z", []),
        (80, "I41", "x+1/2,y+1/2,z+1/2;-y+1/2,x,z+3/4", []),
        (89, "P422", "-y,x,z;x,-y,-z", []),
        (90, "P4212", "-y+1/2,x+1/2,z;x+1/2,-y+1/2,-z", []),
        (91, "P4122", "-y,x,z+1/4;x,-y,-z+1/2", []),
        (92, "P41212", "-y+1/2,x+1/2,z+1/4;x+1/2,-y+1/2,-z+3/4", []),
        (93, "P4222", "-y,x,z+1/2;x,-y,-z", []),
        (94, "P42212", "-y+1/2,x+1/2,z+1/2;x+1/2,-y+1/2,-z+1/2", []),
        (95, "P4322", "-y,x,z+3/4;x,-y,-z+1/2", []),
        (96, "P43212", "-y+1/2,x+1/2,z+3/4;x+1/2,-y+1/2,-z+1/4", []),
        (97, "I422", "x+1/2,y+1/2,z+1/2;-y,x,z;x,-y,-z", []),
        (98, "I4122", "x+1/2,y+1/2,z+1/2;-y+1/2,x,z+3/4;x+1/2,-y,-z+3/4", []),
        (143, "P3", "-y,x-y,z", []),
        (144, "P31", "-y,x-y,z+1/3", []),
        (145, "P32", "-y,x-y,z+2/3", []),
        (146, "R3", "x+2/3,y+1/3,z+1/3;-y,x-y,z", ["H3"]),
        (149, "P312", "-y,x-y,z;-y,-x,-z", []),
        (150, "P321", "-y,x-y,z;x-y,-y,-z", []),
        (151, "P3112", "-y,x-y,z+1/3;-y,-x,-z+2/3", []),
        (152, "P3121", "-y,x-y,z+1/3;x-y,-y,-z+2/3", []),
        (153, "P3212", "-y,x-y,z+2/3;-y,-x,-z+1/3", []),
        (154, "P3221", "-y,x-y,z+2/3;x-y,-y,-z+1/3", []),
        (155, "R32", "x+2/3,y+1/3,z+1/3;-y,x-y,z;x-y,-y,-z", ["H32"]),
        (168, "P6", "x-y,x,z", []),
        (169, "P61", "x-y,x,z+1/6", []),
        (170, "P65", "x-y,x,z+5/6", []),
        (171, "P62", "x-y,x,z+1/3", []),
        (172, "P64", "x-y,x,z+2/3", []),
        (173, "P63", "x-y,x,z+1/2", []),
        (177, "P622", "x-y,x,z;x-y,-y,-z", []),
        (178, "P6122", "x-y,x,z+1/6;x-y,-y,-z", []),
        (179, "P6522", "x-y,x,z+5/6;x-y,-y,-z", []),
        (180, "P6222", "x-y,x,z+1/3;x-y,-y,-z", []),
        (181, "P6422", "x-y,x,z+2/3;x-y,-y,-z", []),
        (182, "P6322", "x-y,x,z+1/2;x-y,-y,-z", []),
        (195, "P23", "z,x,y;-y,-z,x", []),
        (196, "F23", "x+1/2,y+1/2,z;z,x,y;-y,-z,x", []),
        (197, "I23", "x+1/2,y+1/2,z+1/2;z,x,y;-y,-z,x", []),
        (198, "P213", "z,x,y;-y+1/2,-z,x+1/2", []),
        (199, "I213", "z,x,y;-y,-z+1/2,x", []),
        (207, "P432", "x,-z,y;z,y,-x", []),
        (208, "P4232", "x+1/2,-z+1/2,y+1/2;z+1/2,y+1/2,-x+1/2", []),
        (209, "F432", "x+1/2,y+1/2,z;x,-z,y;z,y,-x", []),
        (210, "F4132", "x+1/2,y+1/2,z;x+1/4,-z+1/4,y+1/4;z+1/4,y+1/4,-x+1/4", []),
        (211, "I432", "x+1/2,y+1/2,z+1/2;x,-z,y;z,y,-x", []),
        (212, "P4332", "x+3/4,-z+3/4,y+1/4;z+1/4,y+3/4,-x+3/4", []),
        (213, "P4132", "x+1/4,-z+1/4,y+3/4;z+3/4,y+1/4,-x+1/4", []),
        (214, "I4132", "x+1/4,-z+1/4,y+3/4;z+1/4,y+3/4,-x+3/4", []),
    ];

    private static readonly FrozenDictionary<string, int> ByName = Table
        .SelectMany((entry, i) => entry.Aliases.Append(entry.Symbol).Select(name => (name, i)))
        .ToFrozenDictionary(e => e.name, e => e.i, StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<int, SpaceGroup> Built = new();

    private readonly SymmetryOperation[] _operations;
    private readonly SymmetryOperation[] _rotations;

    private SpaceGroup(int number, string symbol, SymmetryOperation[] operations)
    {
        Number = number;
        Symbol = symbol;
        _operations = operations;
        _rotations = [.. operations.Select(op => op.Rotation).Distinct()];
    }

    /// <summary>The short Hermann–Mauguin symbol, e.g. P41212.</summary>
    public string Symbol { get; }

    /// <summary>The International Tables number.</summary>
    public int Number { get; }

    /// <summary>The number of symmetry operations, lattice centring included (P41212: 8, C2: 4).</summary>
    public int Order => _operations.Length;

    /// <summary>The number of distinct rotations: the order of the crystal's point group (P41212: 8, C2: 2).</summary>
    public int PointGroupOrder => _rotations.Length;

    /// <summary>The symbols <see cref="Parse"/> accepts (short symbols; aliases such as P121, P1211, C121, H3 too).</summary>
    public static IReadOnlyList<string> SupportedSymbols { get; } = [.. Table.Select(e => e.Symbol)];

    /// <summary>
    /// The space group named <paramref name="symbol"/>: spaces, parentheses around screw components and a ":H"
    /// (hexagonal axes) suffix are ignored, so "P 41 21 2" and "P 4(1) 2(1) 2" name P41212.
    /// </summary>
    /// <exception cref="SampleException">The symbol names no chiral space group in its standard setting.</exception>
    public static SpaceGroup Parse(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var key = new string([.. symbol.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c is not ('(' or ')'))]);
        if (key.EndsWith(":H", StringComparison.Ordinal))
        {
            key = key[..^2];
        }

        if (!ByName.TryGetValue(key, out var index))
        {
            throw new SampleException("crystal.space_group", $"\"{symbol}\" is not one of the 65 chiral space groups in their standard settings ({string.Join(", ", SupportedSymbols)})");
        }

        return Built.GetOrAdd(index, static i => Build(Table[i].Number, Table[i].Symbol, Table[i].Generators));
    }

    /// <summary>Whether the space group's screw axes or lattice centring make <paramref name="index"/> extinct.</summary>
    public bool IsSystematicallyAbsent(MillerIndex index)
    {
        foreach (var op in _operations)
        {
            if (op.Apply(index) == index && op.PhaseTwelfths(index) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some rotation of the point group maps <paramref name="index"/> onto its Friedel mate (a centric reflection: its phase is restricted and its intensities follow the centric Wilson distribution).</summary>
    public bool IsCentric(MillerIndex index)
    {
        var friedel = index.Friedel;
        foreach (var rotation in _rotations)
        {
            if (rotation.Apply(index) == friedel)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The symmetry-enhancement factor ε: how many rotations of the point group leave <paramref name="index"/> as it
    /// is (1 for a general reflection; 4 for 00l in a tetragonal group). Wilson's mean intensity scales with it.
    /// </summary>
    public int Epsilon(MillerIndex index)
    {
        var count = 0;
        foreach (var rotation in _rotations)
        {
            if (rotation.Apply(index) == index)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// One representative of the reflections equivalent to <paramref name="index"/> by the point group and Friedel's
    /// law (the Laue group): the largest of them in (h, k, l) order. Equivalent reflections share a representative,
    /// and so share their intensity.
    /// </summary>
    public MillerIndex Representative(MillerIndex index)
    {
        var best = index;
        foreach (var rotation in _rotations)
        {
            var equivalent = rotation.Apply(index);
            if (equivalent.IsAfter(best))
            {
                best = equivalent;
            }

            if (equivalent.Friedel.IsAfter(best))
            {
                best = equivalent.Friedel;
            }
        }

        return best;
    }

    /// <summary>The symbol.</summary>
    public override string ToString() => Symbol;

    private static SpaceGroup Build(int number, string symbol, string generators)
    {
        var parsed = generators.Length == 0 ? [] : generators.Split(';').Select(SymmetryOperation.Parse).ToArray();
        var group = new List<SymmetryOperation> { SymmetryOperation.Identity };
        var seen = new HashSet<SymmetryOperation> { SymmetryOperation.Identity };

        // Closing under composition with the generators: every product of generators is a member, and a finite
        // group needs no inverses beyond those products.
        for (var i = 0; i < group.Count; i++)
        {
            foreach (var generator in parsed)
            {
                var product = SymmetryOperation.Compose(generator, group[i]);
                if (seen.Add(product))
                {
                    group.Add(product);
                }
            }
        }

        return new SpaceGroup(number, symbol, [.. group]);
    }
}
