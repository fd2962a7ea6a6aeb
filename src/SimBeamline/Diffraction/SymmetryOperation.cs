using System.Globalization;

namespace Hyperion.SimBeamline.Diffraction;

/// <summary>
/// A crystallographic symmetry operation x′ = R·x + t on fractional coordinates: R an integer matrix (row-major),
/// t in twelfths of a cell edge (every translation of the 65 chiral space groups is a multiple of 1/12).
/// </summary>
internal readonly record struct SymmetryOperation(
    int R11, int R12, int R13, int R21, int R22, int R23, int R31, int R32, int R33, int T1, int T2, int T3)
{
    /// <summary>The twelfths a translation is counted in.</summary>
    public const int TranslationDenominator = 12;

    /// <summary>x, y, z.</summary>
    public static SymmetryOperation Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0);

    /// <summary>Whether R is the identity (a pure translation: identity or lattice centring).</summary>
    public bool IsTranslation => this with { T1 = 0, T2 = 0, T3 = 0 } == Identity;

    /// <summary>The rotation part alone.</summary>
    public SymmetryOperation Rotation => this with { T1 = 0, T2 = 0, T3 = 0 };

    /// <summary>(a ∘ b)(x) = a(b(x)), translations reduced into [0, 1).</summary>
    public static SymmetryOperation Compose(SymmetryOperation a, SymmetryOperation b) => new(
        (a.R11 * b.R11) + (a.R12 * b.R21) + (a.R13 * b.R31), (a.R11 * b.R12) + (a.R12 * b.R22) + (a.R13 * b.R32), (a.R11 * b.R13) + (a.R12 * b.R23) + (a.R13 * b.R33),
        (a.R21 * b.R11) + (a.R22 * b.R21) + (a.R23 * b.R31), (a.R21 * b.R12) + (a.R22 * b.R22) + (a.R23 * b.R32), (a.R21 * b.R13) + (a.R22 * b.R23) + (a.R23 * b.R33),
        (a.R31 * b.R11) + (a.R32 * b.R21) + (a.R33 * b.R31), (a.R31 * b.R12) + (a.R32 * b.R22) + (a.R33 * b.R32), (a.R31 * b.R13) + (a.R32 * b.R23) + (a.R33 * b.R33),
        Reduce((a.R11 * b.T1) + (a.R12 * b.T2) + (a.R13 * b.T3) + a.T1),
        Reduce((a.R21 * b.T1) + (a.R22 * b.T2) + (a.R23 * b.T3) + a.T2),
        Reduce((a.R31 * b.T1) + (a.R32 * b.T2) + (a.R33 * b.T3) + a.T3));

    /// <summary>
    /// The index h·R (h as a row vector): the reflection this operation maps <paramref name="index"/> onto, with the
    /// same amplitude.
    /// </summary>
    public MillerIndex Apply(MillerIndex index) => new(
        (index.H * R11) + (index.K * R21) + (index.L * R31),
        (index.H * R12) + (index.K * R22) + (index.L * R32),
        (index.H * R13) + (index.K * R23) + (index.L * R33));

    /// <summary>The phase shift h·t of <paramref name="index"/>, in twelfths of a turn (0 to 11).</summary>
    public int PhaseTwelfths(MillerIndex index) => Reduce((index.H * T1) + (index.K * T2) + (index.L * T3));

    /// <summary>Parses an operation written as in the International Tables, e.g. "-y+1/2,x+1/2,z+1/4" or "x-y,x,z+1/6".</summary>
    /// <exception cref="FormatException">The text is not three comma-separated linear terms in x, y, z.</exception>
    public static SymmetryOperation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = text.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant().Split(',');
        if (rows.Length != 3)
        {
            throw new FormatException($"A symmetry operation has three components, not {rows.Length}: \"{text}\"");
        }

        Span<int> m = stackalloc int[12];
        for (var row = 0; row < 3; row++)
        {
            var expression = rows[row];
            var position = 0;
            while (position < expression.Length)
            {
                var sign = 1;
                if (expression[position] is '+' or '-')
                {
                    sign = expression[position] == '-' ? -1 : 1;
                    position++;
                }

                if (position >= expression.Length)
                {
                    throw new FormatException($"A symmetry operation ends in a sign: \"{text}\"");
                }

                var c = expression[position];
                if (c is 'X' or 'Y' or 'Z')
                {
                    m[(row * 3) + (c - 'X')] += sign;
                    position++;
                    continue;
                }

                var end = position;
                while (end < expression.Length && expression[end] is not ('+' or '-'))
                {
                    end++;
                }

                m[9 + row] += sign * Twelfths(expression[position..end], text);
                position = end;
            }
        }

        return new(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], Reduce(m[9]), Reduce(m[10]), Reduce(m[11]));
    }

    private static int Twelfths(string fraction, string text)
    {
        var parts = fraction.Split('/');
        if (parts.Length > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
            || (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator) || denominator == 0 || TranslationDenominator % denominator != 0)))
        {
            throw new FormatException($"\"{fraction}\" is not a translation in twelfths in \"{text}\"");
        }

        return parts.Length == 1 ? numerator * TranslationDenominator : numerator * (TranslationDenominator / int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static int Reduce(int twelfths) => ((twelfths % TranslationDenominator) + TranslationDenominator) % TranslationDenominator;
}
