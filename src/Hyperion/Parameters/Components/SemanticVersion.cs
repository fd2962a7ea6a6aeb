using System.Globalization;
using System.Text.RegularExpressions;

namespace Hyperion.Cli.Parameters;

/// <summary>A semantic version (<c>6.0.0</c>, <c>6.1.0-rc.1+build</c>) ordered by semver precedence (build metadata
/// ignored), as <c>parameter_model_version</c> carries it.</summary>
/// <param name="Major">The major version.</param>
/// <param name="Minor">The minor version.</param>
/// <param name="Patch">The patch version.</param>
/// <param name="Prerelease">The pre-release identifiers after <c>-</c>, or null.</param>
/// <param name="Build">The build metadata after <c>+</c>, or null.</param>
public sealed partial record SemanticVersion(int Major, int Minor, int Patch, string? Prerelease = null, string? Build = null)
    : IComparable<SemanticVersion>
{
    /// <summary>Parses <paramref name="text"/>, or returns null when it is not a semantic version.</summary>
    public static SemanticVersion? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        if (!int.TryParse(match.Groups["major"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups["minor"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !int.TryParse(match.Groups["patch"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            return null;
        }

        var pre = match.Groups["pre"].Success ? match.Groups["pre"].Value : null;
        var build = match.Groups["build"].Success ? match.Groups["build"].Value : null;
        return new SemanticVersion(major, minor, patch, pre, build);
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">It is not a semantic version.</exception>
    public static SemanticVersion Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a valid semantic version");

    /// <inheritdoc/>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (core != 0)
        {
            return core;
        }

        // A pre-release ranks below its release; otherwise identifiers compare left to right.
        return (Prerelease, other.Prerelease) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => ComparePrerelease(Prerelease, other.Prerelease),
        };
    }

    /// <summary>Whether <paramref name="left"/> ranks below <paramref name="right"/>.</summary>
    public static bool operator <(SemanticVersion left, SemanticVersion right) => Compare(left, right) < 0;

    /// <summary>Whether <paramref name="left"/> ranks above <paramref name="right"/>.</summary>
    public static bool operator >(SemanticVersion left, SemanticVersion right) => Compare(left, right) > 0;

    /// <summary>Whether <paramref name="left"/> ranks at or below <paramref name="right"/>.</summary>
    public static bool operator <=(SemanticVersion left, SemanticVersion right) => Compare(left, right) <= 0;

    /// <summary>Whether <paramref name="left"/> ranks at or above <paramref name="right"/>.</summary>
    public static bool operator >=(SemanticVersion left, SemanticVersion right) => Compare(left, right) >= 0;

    /// <inheritdoc/>
    public override string ToString()
    {
        var text = $"{Major}.{Minor}.{Patch}";
        if (Prerelease is not null)
        {
            text += "-" + Prerelease;
        }

        return Build is null ? text : text + "+" + Build;
    }

    private static int Compare(SemanticVersion? left, SemanticVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static int ComparePrerelease(string left, string right)
    {
        var a = left.Split('.');
        var b = right.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNumeric = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var an);
            var bNumeric = long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var bn);
            var order = (aNumeric, bNumeric) switch
            {
                (true, true) => an.CompareTo(bn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    [GeneratedRegex(@"^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+(?<build>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
