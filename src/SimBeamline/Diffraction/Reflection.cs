namespace Hyperion.SimBeamline.Diffraction;

/// <summary>A reflection of the crystal with its "true" intensity.</summary>
/// <param name="Index">The Miller indices.</param>
/// <param name="DSpacing">The spacing of its planes in Å.</param>
/// <param name="Intensity">|F|² in electrons² per unit cell: Wilson-distributed about Σf²·ε·exp(−B/(2d²)); equal for symmetry equivalents and Friedel mates.</param>
/// <param name="IsCentric">Whether it is centric (its intensity then follows the centric Wilson distribution).</param>
public readonly record struct Reflection(MillerIndex Index, double DSpacing, double Intensity, bool IsCentric);
