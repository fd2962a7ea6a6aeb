namespace Hyperion.SimBeamline.Diffraction;

/// <summary>The Miller indices (h, k, l) of a reflection.</summary>
/// <param name="H">h, along a*.</param>
/// <param name="K">k, along b*.</param>
/// <param name="L">l, along c*.</param>
public readonly record struct MillerIndex(int H, int K, int L)
{
    /// <summary>The Friedel mate (−h, −k, −l).</summary>
    public MillerIndex Friedel => new(-H, -K, -L);

    /// <summary>The reflection as "(h, k, l)".</summary>
    public override string ToString() => $"({H}, {K}, {L})";

    /// <summary>
    /// Whether this index sorts after <paramref name="other"/> (h first, then k, then l): the order that picks one
    /// representative from a set of symmetry equivalents.
    /// </summary>
    internal bool IsAfter(MillerIndex other) =>
        H != other.H ? H > other.H : K != other.K ? K > other.K : L > other.L;
}
