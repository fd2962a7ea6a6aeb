using System.Collections;
using Hyperion.SimBeamline.Samples;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// Every reflection of a crystal within its resolution limit, the space group's systematic absences left out
/// (the whole sphere, not an asymmetric unit: each hkl diffracts on its own), sorted by (h, k, l). Intensities
/// are drawn once from the sample's seed: Wilson statistics, an exponential (acentric) or χ²₁ (centric)
/// distribution about Σf²·ε·exp(−B/(2d²)), the same for all symmetry equivalents. Lists are cached per crystal,
/// seed and intensity settings.
/// </summary>
public sealed class ReflectionList : IReadOnlyList<Reflection>
{
    private const int CacheSize = 4;

    /// <summary>Electrons² per protein atom at zero angle (C, N, O with their hydrogens, on average).</summary>
    private const double ScatteringPerAtom = 48;

    /// <summary>Protein volume per non-hydrogen atom (Å³).</summary>
    private const double VolumePerAtom = 17;

    private static readonly Lock CacheLock = new();
    private static readonly LinkedList<ReflectionList> Cache = new();

    private readonly MillerIndex[] _indices;
    private readonly double[] _dSpacings;
    private readonly double[] _intensities;
    private readonly bool[] _centric;

    private ReflectionList(CrystalDefinition crystal, int seed, double wilsonB, double solventFraction)
    {
        Crystal = crystal;
        Seed = seed;
        WilsonB = wilsonB;
        SolventFraction = solventFraction;
        SpaceGroup = SpaceGroup.Parse(crystal.SpaceGroup);
        var cell = crystal.UnitCell;
        var b = cell.ReciprocalBasis;
        var dMin = crystal.ResolutionLimitAngstrom;
        var limit = 1 / (dMin * dMin);
        SumOfSquaredScatteringFactors = cell.Volume * (1 - solventFraction) / VolumePerAtom * ScatteringPerAtom;

        // |h| ≤ |a|/d_min: h = a·r and |r| ≤ 1/d_min.
        var hMax = (int)Math.Floor(cell.LengthA / dMin);
        var kMax = (int)Math.Floor(cell.LengthB / dMin);
        var lMax = (int)Math.Floor(cell.LengthC / dMin);
        var indices = new List<MillerIndex>();
        var dSpacings = new List<double>();
        var intensities = new List<double>();
        var centric = new List<bool>();
        var intensityKey = Xoshiro256.Key(0x5EED_1A7E_D1FF_0000UL, seed);
        for (var h = -hMax; h <= hMax; h++)
        {
            for (var k = -kMax; k <= kMax; k++)
            {
                for (var l = -lMax; l <= lMax; l++)
                {
                    var x = (b.M11 * h) + (b.M12 * k) + (b.M13 * l);
                    var y = (b.M21 * h) + (b.M22 * k) + (b.M23 * l);
                    var z = (b.M31 * h) + (b.M32 * k) + (b.M33 * l);
                    var inverseDSquared = (x * x) + (y * y) + (z * z);
                    var index = new MillerIndex(h, k, l);
                    if (inverseDSquared > limit || inverseDSquared == 0 || SpaceGroup.IsSystematicallyAbsent(index))
                    {
                        continue;
                    }

                    var d = 1 / Math.Sqrt(inverseDSquared);
                    var isCentric = SpaceGroup.IsCentric(index);
                    var mean = SumOfSquaredScatteringFactors * SpaceGroup.Epsilon(index) * Math.Exp(-wilsonB * inverseDSquared / 2);
                    indices.Add(index);
                    dSpacings.Add(d);
                    intensities.Add(mean * WilsonFactor(intensityKey, SpaceGroup.Representative(index), isCentric));
                    centric.Add(isCentric);
                }
            }
        }

        _indices = [.. indices];
        _dSpacings = [.. dSpacings];
        _intensities = [.. intensities];
        _centric = [.. centric];
    }

    /// <summary>The crystal.</summary>
    public CrystalDefinition Crystal { get; }

    /// <summary>The seed the intensities were drawn from (the sample's).</summary>
    public int Seed { get; }

    /// <summary>Wilson B (Å²) of the mean intensities.</summary>
    public double WilsonB { get; }

    /// <summary>The solvent fraction that set Σf².</summary>
    public double SolventFraction { get; }

    /// <summary>The crystal's space group.</summary>
    public SpaceGroup SpaceGroup { get; }

    /// <summary>Σf² over the atoms of one unit cell at zero angle (electrons²): the Wilson mean of a general reflection.</summary>
    public double SumOfSquaredScatteringFactors { get; }

    /// <summary>The number of reflections.</summary>
    public int Count => _indices.Length;

    /// <summary>Reflection <paramref name="i"/> (in (h, k, l) order).</summary>
    public Reflection this[int i] => new(_indices[i], _dSpacings[i], _intensities[i], _centric[i]);

    /// <summary>
    /// The reflections of <paramref name="crystal"/> with intensities from <paramref name="seed"/>, Wilson B and
    /// solvent fraction from <paramref name="options"/>: built once and kept for the few crystals in use.
    /// </summary>
    /// <exception cref="SampleException">The crystal cannot be simulated (its space group is unknown, say).</exception>
    public static ReflectionList For(CrystalDefinition crystal, int seed, DiffractionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(crystal);
        crystal.Validate();
        options ??= new DiffractionOptions();
        lock (CacheLock)
        {
            for (var node = Cache.First; node is not null; node = node.Next)
            {
                var list = node.Value;
                if (list.Crystal == crystal && list.Seed == seed && list.WilsonB == options.WilsonB && list.SolventFraction == options.SolventFraction)
                {
                    Cache.Remove(node);
                    Cache.AddFirst(node);
                    return list;
                }
            }
        }

        // Built outside the lock: a second thread asking for the same crystal meanwhile builds an identical list.
        var built = new ReflectionList(crystal, seed, options.WilsonB, options.SolventFraction);
        lock (CacheLock)
        {
            Cache.AddFirst(built);
            while (Cache.Count > CacheSize)
            {
                Cache.RemoveLast();
            }
        }

        return built;
    }

    /// <summary>The position of <paramref name="index"/> in the list, or −1 when it is absent (extinct, beyond the resolution limit, or 0 0 0).</summary>
    public int IndexOf(MillerIndex index)
    {
        var (lo, hi) = (0, _indices.Length - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = _indices[mid];
            if (m == index)
            {
                return mid;
            }

            if (index.IsAfter(m))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>The reflections in order.</summary>
    public IEnumerator<Reflection> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal MillerIndex IndexAt(int i) => _indices[i];

    internal double IntensityAt(int i) => _intensities[i];

    internal double DSpacingAt(int i) => _dSpacings[i];

    /// <summary>|F|²/⟨|F|²⟩ for one set of equivalents: exponential for acentric, the square of a normal deviate for centric reflections.</summary>
    private static double WilsonFactor(ulong key, MillerIndex representative, bool centric)
    {
        var random = new Xoshiro256(Xoshiro256.Key(key, representative.H, representative.K, representative.L));
        if (!centric)
        {
            return -Math.Log(random.NextDoubleNonZero());
        }

        var z = Math.Sqrt(-2 * Math.Log(random.NextDoubleNonZero())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return z * z;
    }
}
