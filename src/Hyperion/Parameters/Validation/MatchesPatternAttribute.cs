using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// The string must contain a match of <see cref="Pattern"/> (pydantic's <c>pattern</c>, which searches rather than
/// anchors, so <c>BL\d{2}[BIJS]</c> accepts any string containing such a name).
/// </summary>
/// <param name="pattern">The regular expression.</param>
public sealed class MatchesPatternAttribute(string pattern) : FieldConstraintAttribute
{
    private readonly Regex _regex = new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The regular expression.</summary>
    public string Pattern { get; } = pattern;

    /// <inheritdoc/>
    public override (string Rule, string Message)? Check(object value) =>
        value is string text && !_regex.IsMatch(text) ? ("string_pattern_mismatch", $"String should match pattern '{Pattern}'") : null;

    /// <inheritdoc/>
    public override void Describe(JsonObject schema) => schema["pattern"] = Pattern;
}
