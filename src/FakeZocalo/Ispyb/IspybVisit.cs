using System.Globalization;
using System.Text.RegularExpressions;

namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>
/// A visit as Hyperion names it (<c>cm1234-67</c>): the proposal (code <c>cm</c>, number <c>1234</c>) and the
/// session's <c>visit_number</c> (67).
/// </summary>
/// <param name="ProposalCode">Letters of the proposal reference (<c>proposalCode</c>).</param>
/// <param name="ProposalNumber">Digits of the proposal reference (<c>proposalNumber</c>).</param>
/// <param name="VisitNumber">The session within the proposal (<c>BLSession.visit_number</c>).</param>
public sealed partial record IspybVisit(string ProposalCode, string ProposalNumber, int VisitNumber)
{
    /// <summary>The visit string, <c>{code}{number}-{visit}</c>.</summary>
    public override string ToString() => $"{ProposalCode}{ProposalNumber}-{VisitNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads a visit string such as <c>cm1234-67</c>; null when it is not one.</summary>
    public static IspybVisit? TryParse(string? visit)
    {
        if (visit is null)
        {
            return null;
        }

        var match = VisitPattern().Match(visit);
        return match.Success && int.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new IspybVisit(match.Groups[1].Value, match.Groups[2].Value, number)
            : null;
    }

    [GeneratedRegex(@"^([A-Za-z]+)(\d+)-(\d+)$")]
    private static partial Regex VisitPattern();
}
