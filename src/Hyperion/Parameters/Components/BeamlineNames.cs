using System.Text.RegularExpressions;

namespace Hyperion.Cli.Parameters;

/// <summary>Converts between the parameter files' beamline names (<c>BL03I</c>) and dodal's (<c>i03</c>).</summary>
public static partial class BeamlineNames
{
    /// <summary>The dodal name of <paramref name="beamline"/>: <c>BL03I</c> is <c>i03</c>, <c>BL03S</c> is <c>s03</c>,
    /// <c>BL02J</c> is <c>i02-1</c>; anything else is returned lower-cased.</summary>
    public static string ToShortName(string beamline)
    {
        ArgumentNullException.ThrowIfNull(beamline);
        var match = Name().Match(beamline);
        if (!match.Success)
        {
            return beamline.ToLowerInvariant();
        }

        var number = match.Groups["number"].Value;
        return match.Groups["kind"].Value switch
        {
            "J" => $"i{number}-1",
            var kind => $"{kind.ToLowerInvariant()}{number}",
        };
    }

    [GeneratedRegex(@"BL(?<number>\d{2})(?<kind>[BIJS])", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
