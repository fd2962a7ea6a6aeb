namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>A row of ISPyB's <c>BLSession</c>, with its proposal's reference.</summary>
public sealed record BLSessionRow
{
    /// <summary><c>sessionId</c>.</summary>
    public long SessionId { get; init; }

    /// <summary>The visit: proposal code and number (<c>Proposal.proposalCode</c>, <c>proposalNumber</c>) and <c>visit_number</c>.</summary>
    public required IspybVisit Visit { get; init; }

    /// <summary><c>beamLineName</c> (e.g. <c>i03</c>).</summary>
    public string? BeamLineName { get; init; }
}
