using System.Globalization;

namespace Hyperion.FakeZocalo.Faults;

/// <summary>A fault for every collection whose file stem starts with <paramref name="FilenamePrefix"/>.</summary>
/// <param name="FilenamePrefix">The stem prefix it applies to (empty for every collection).</param>
/// <param name="Kind">What goes wrong.</param>
/// <param name="Delay">For <see cref="ZocaloFaultKind.LateReply"/>: how late.</param>
/// <param name="Offset">For <see cref="ZocaloFaultKind.ExtraCrystal"/>: the extra crystal's shift in grid boxes.</param>
public sealed record ZocaloFault(string FilenamePrefix, ZocaloFaultKind Kind, TimeSpan Delay = default, int Offset = 3)
{
    /// <summary>
    /// Parses <c>PREFIX=kind[:value]</c>: kinds <c>no-reply</c>, <c>late-reply:SECONDS</c>, <c>duplicate</c>,
    /// <c>wrong-dcid</c>, <c>empty-results</c>, <c>extra-crystal[:BOXES]</c>.
    /// </summary>
    public static ZocaloFault Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw new FormatException($"Fault '{text}' is not PREFIX=KIND[:VALUE].");
        }

        var prefix = text[..equals];
        var spec = text[(equals + 1)..].Split(':', 2);
        var value = spec.Length > 1 ? spec[1] : null;
        return spec[0] switch
        {
            "no-reply" => new ZocaloFault(prefix, ZocaloFaultKind.NoReply),
            "late-reply" => new ZocaloFault(prefix, ZocaloFaultKind.LateReply, TimeSpan.FromSeconds(ParseNumber(text, value ?? "10"))),
            "duplicate" => new ZocaloFault(prefix, ZocaloFaultKind.Duplicate),
            "wrong-dcid" => new ZocaloFault(prefix, ZocaloFaultKind.WrongDcid),
            "empty-results" => new ZocaloFault(prefix, ZocaloFaultKind.EmptyResults),
            "extra-crystal" => new ZocaloFault(prefix, ZocaloFaultKind.ExtraCrystal, Offset: (int)ParseNumber(text, value ?? "3")),
            _ => throw new FormatException(
                $"Fault '{text}': unknown kind '{spec[0]}' (no-reply, late-reply:SECONDS, duplicate, wrong-dcid, empty-results, extra-crystal[:BOXES])."),
        };
    }

    private static double ParseNumber(string text, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new FormatException($"Fault '{text}': '{value}' is not a non-negative number.");
}
